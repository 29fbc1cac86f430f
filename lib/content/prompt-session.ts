// One prompt on the page, from the press that opened it to its end. The
// background registers it under a one-time nonce and says whether to ask at all;
// only then is the frame handed the nonce (and its port), so the frame never asks
// about a prompt the background does not know. The coach's answer comes back over
// the port only once the background has recorded it (lib/prompt/port.ts); the
// page can neither read nor post on that port.
//
// If the page hides, covers or removes the frame, or the frame never loads, the
// action stays blocked: a question turns into the "stopped" notice (a modal
// dialog, under a new nonce); a reminder, which nothing waits for, is dropped and
// the browser's own dialog says the page hid it.
import type { MessagePayload } from '../messaging';
import type { PromptOutcome } from '../prompt/port';
import type { FrameKind, FrameListener, FrameTrouble, PromptFrame } from './prompt-frame';

/** question: the action waits for the answer. reminder: nothing waits (a client's post). */
export type PromptKind = 'question' | 'reminder';

/** What the prompt is about, as the background is told. */
export type PromptAbout = Omit<MessagePayload<'openPrompt'>, 'nonce' | 'stopped' | 'trouble'>;

/**
 * How a prompt ended. not-asked: the background said there is nothing to ask (the
 * action goes on). continued / cancelled: the coach's answer. stopped: the page
 * tampered with the prompt or it never showed; the action stays blocked. closed:
 * replaced by another prompt, or Clearline was reloaded.
 */
export type PromptEnd = 'not-asked' | 'continued' | 'cancelled' | 'stopped' | 'closed';

/** The browser's own dialog, for when the page took Clearline's away. */
export type BrowserAlert = 'promptTamperedAlert' | 'observedReminderHiddenAlert';

/** What a session needs from the page and the background (a test gives its own). */
export interface PromptSessionWorld {
  newNonce(): string;
  openPrompt(payload: MessagePayload<'openPrompt'>): Promise<{ show: boolean }>;
  closePrompt(nonce: string): Promise<unknown>;
  showFrame(kind: FrameKind, listener: FrameListener): PromptFrame;
  alert(message: BrowserAlert): void;
  setTimeout(handler: () => void, ms: number): void;
}

/** How long to wait for the background before telling the coach the action was stopped. */
export const OPEN_TIMEOUT_MS = 5_000;

export class PromptSession {
  #nonce = '';
  #frame: PromptFrame | null = null;
  /** opening: waiting for the background; asking: handed over; notice: the "stopped" notice. */
  #state: 'new' | 'opening' | 'asking' | 'notice' | 'ended' = 'new';

  constructor(
    readonly kind: PromptKind,
    readonly about: PromptAbout,
    private readonly world: PromptSessionWorld,
    private readonly onEnd: (end: PromptEnd) => void,
  ) {}

  get nonce(): string {
    return this.#nonce;
  }

  get ended(): boolean {
    return this.#state === 'ended';
  }

  /**
   * Asks the background to register the prompt. `showAtOnce`: the question is all
   * but certain, so the frame shows (still empty) while the background registers it.
   */
  open(showAtOnce: boolean): void {
    if (this.#state !== 'new') return;
    this.#state = 'opening';
    this.#nonce = this.world.newNonce();
    const nonce = this.#nonce;
    const listener: FrameListener = {
      onTrouble: (trouble) => {
        if (this.#nonce === nonce) this.#trouble(trouble);
      },
      onAnswer: (outcome) => {
        if (this.#nonce === nonce) this.#answered(outcome);
      },
    };
    if (showAtOnce) this.#frame = this.world.showFrame(this.kind, listener);
    // A background that never answers must not leave every action blocked without a word.
    this.world.setTimeout(() => {
      if (this.#state === 'opening' && !this.#frame) this.#trouble('not-loaded');
    }, OPEN_TIMEOUT_MS);
    this.world
      .openPrompt({ ...this.about, nonce, stopped: false })
      .then(({ show }) => {
        if (this.#state !== 'opening' || this.#nonce !== nonce) return;
        if (!show) return this.#end('not-asked');
        this.#state = 'asking';
        this.#frame ??= this.world.showFrame(this.kind, listener);
        this.#frame.handOver(nonce);
      })
      // The background is gone (or refused): the action stays blocked; say so.
      .catch(() => listener.onTrouble('not-loaded'));
  }

  /** Whether an event target is this prompt's frame on the page. */
  isHost(target: EventTarget | null): boolean {
    return !this.ended && this.#frame !== null && this.#frame.isHost(target);
  }

  /** Focus went to the page while the question is open: it goes back to the question. */
  keepFocus(target: EventTarget | null): void {
    if (!this.ended) this.#frame?.keepFocus(target);
  }

  /** Replaced by another prompt, or Clearline was reloaded: no frame is left behind, unanswerable. */
  close(): void {
    this.#end('closed');
  }

  /** The frame passed on the coach's answer, as the background recorded it. */
  #answered(outcome: PromptOutcome): void {
    this.#end(outcome === 'replay' ? 'continued' : 'cancelled');
  }

  #trouble(trouble: FrameTrouble): void {
    if (this.#state !== 'opening' && this.#state !== 'asking') return;
    this.#frame?.close();
    this.#frame = null;
    void this.world.closePrompt(this.#nonce).catch(() => undefined);
    if (this.kind === 'reminder') {
      this.#end('stopped');
      // Nothing waited on it; the browser's dialog carries the reminder the page hid.
      if (trouble !== 'not-loaded') this.world.alert('observedReminderHiddenAlert');
      return;
    }
    this.#showNotice(trouble);
  }

  /** The question was taken away: keep blocking, and say so in a modal notice of its own. */
  #showNotice(trouble: FrameTrouble): void {
    this.#state = 'notice';
    this.#nonce = this.world.newNonce();
    const nonce = this.#nonce;
    this.world
      .openPrompt({ ...this.about, nonce, stopped: true, trouble })
      .then(() => {
        if (this.#state !== 'notice' || this.#nonce !== nonce) return;
        // After tampering, the notice is a modal dialog: the page goes inert under it.
        this.#frame = this.world.showFrame('modal', {
          onTrouble: () => {
            if (this.#nonce !== nonce || this.ended) return;
            // Even the notice was tampered with: the action stays blocked; the browser's own dialog says why.
            this.#end('stopped');
            this.world.alert('promptTamperedAlert');
          },
          onAnswer: (outcome) => {
            if (this.#nonce === nonce) this.#answered(outcome);
          },
        });
        this.#frame.handOver(nonce);
      })
      .catch(() => {
        if (this.#nonce === nonce) this.#end('stopped');
      });
  }

  #end(end: PromptEnd): void {
    if (this.ended) return;
    this.#state = 'ended';
    this.#frame?.close();
    this.#frame = null;
    this.onEnd(end);
  }
}
