// The prompts of one page: at most one question (an action waits for it) and
// one reminder (a client's post; nothing waits), and the next question's frame,
// loaded ahead of time. A question for a person replaces a post's reminder.
import { browser } from '../browser';
import { sendMessage } from '../messaging';
import { randomToken } from '../crypto';
import { openPromptFrame, prepareFrame, type PreparedFrame } from './prompt-frame';
import {
  PromptSession,
  type BrowserAlert,
  type PromptAbout,
  type PromptEnd,
  type PromptSessionWorld,
} from './prompt-session';
import type { ContentScope } from './scope';

/** The next question's frame is loaded when the page is idle, within this long. */
const PREPARE_WITHIN_MS = 2_000;
/** The first one not before this long after the page's load: its start comes first. */
const PREPARE_AFTER_LOAD_MS = 1_000;

const ALERT_FALLBACKS: Record<BrowserAlert, string> = {
  promptTamperedAlert: 'Clearline stopped this action.',
  observedReminderHiddenAlert:
    "Clearline's reminder about a client's post was hidden by this page.",
};

export class PagePrompts {
  #question: PromptSession | null = null;
  #reminder: PromptSession | null = null;
  /** The next question's frame, loaded and hidden (prompt-frame.ts): one per page. */
  #preparedFrame: PreparedFrame | null = null;
  readonly #world: PromptSessionWorld;

  constructor(private readonly scope: ContentScope) {
    this.#world = {
      newNonce: randomToken,
      openPrompt: (payload) => sendMessage('openPrompt', payload),
      closePrompt: (nonce) => sendMessage('closePrompt', { nonce }),
      showFrame: (kind, listener) =>
        openPromptFrame(listener, {
          kind,
          ready: kind === 'modal' ? null : this.#takePreparedFrame(),
        }),
      alert: (message) =>
        window.alert(browser.i18n.getMessage(message) || ALERT_FALLBACKS[message]),
      setTimeout: (handler, ms) => void scope.setTimeout(handler, ms),
    };
    scope.onInvalidated(() => {
      this.#takePreparedFrame()?.discard();
      // The extension was updated or reloaded: no frame may be left behind, unanswerable.
      this.#question?.close();
      this.#reminder?.close();
    });
    // Making a frame costs the page a few milliseconds: the first one waits until
    // a while after the page's load (docs/performance.md).
    scope.afterLoad(() => this.#prepareSoon(), PREPARE_AFTER_LOAD_MS);
  }

  /** The question an action waits for, if one is open. */
  get question(): PromptSession | null {
    return this.#question;
  }

  /** Asks before an action; `onEnd` hears how it ended (to replay the action, or not). */
  ask(about: PromptAbout, showAtOnce: boolean, onEnd: (end: PromptEnd) => void): void {
    this.#reminder?.close();
    const session: PromptSession = new PromptSession('question', about, this.#world, (end) => {
      if (this.#question === session) this.#question = null;
      this.#prepareSoon();
      onEnd(end);
    });
    this.#question = session;
    session.open(showAtOnce);
  }

  /** Shows the reminder beside a client's post; nothing waits for it. */
  remind(about: PromptAbout): void {
    this.#reminder?.close();
    const session: PromptSession = new PromptSession('reminder', about, this.#world, () => {
      if (this.#reminder === session) this.#reminder = null;
      this.#prepareSoon();
    });
    this.#reminder = session;
    session.open(true);
  }

  #prepareSoon(): void {
    // A same-origin frame inside the page makes its frame when it needs one.
    if (this.#preparedFrame || !this.scope.isValid || window !== window.top) return;
    const prepare = () => {
      if (!this.#preparedFrame && !this.#question && this.scope.isValid)
        this.#preparedFrame = prepareFrame();
    };
    // Called on window (Firefox's content-script global is not the window itself).
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(prepare, { timeout: PREPARE_WITHIN_MS });
    else this.scope.setTimeout(prepare, 200);
  }

  #takePreparedFrame(): PreparedFrame | null {
    const frame = this.#preparedFrame;
    this.#preparedFrame = null;
    return frame;
  }
}
