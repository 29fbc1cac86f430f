// The line between a prompt's frame and its content script: a MessagePort that
// the content script hands the frame with the nonce (handover.ts). Only the two
// of them ever hold it: the host page never sees the port, so nothing it posts
// reaches either side. Each message still carries the prompt's nonce and counts
// only for it: a message about another prompt is no answer to this one.
//
// Content to frame: whether the frame is seen whole on the coach's screen, and
// how many of the frame's size reports it had acted on when it said so. Only
// the host page's side can tell reliably: Chromium's IntersectionObserver v2
// inside an extension frame that does not have focus (a reminder never takes
// it; a question can lose it) reports it hidden, or reports late, while it is
// plainly on screen. A frame that has reported a new size counts itself unseen
// until the content script has answered for that size: the frame is then
// given the new size, and the browser has seen it whole at that size.
//
// Frame to content: the question is up (the content script stops waiting for
// it), how tall its content is (the frame is sized to it, up to the viewport),
// and the answer once the background has recorded it: replay the action,
// or drop it. The background, not the frame, decides whether an answer stands
// (lib/background/prompt-handlers.ts answerPrompt); the frame passes on only what it said.
import * as v from 'valibot';
import { NONCE, type Handover } from './handover';

/** What becomes of the stopped action: done once on its own control, or not at all. */
export const PROMPT_OUTCOMES = ['replay', 'cancel'] as const;
export type PromptOutcome = (typeof PROMPT_OUTCOMES)[number];

/** Taller than any screen: the content script keeps the frame within the viewport anyway. */
export const MAX_REPORTED_HEIGHT = 10_000;
/** More size reports than one prompt ever makes. */
const MAX_SIZE_REPORTS = 1_000_000;
const SIZE_COUNT = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_SIZE_REPORTS));

const SIGHT = v.strictObject({ nonce: NONCE, seen: v.boolean(), sizes: SIZE_COUNT });

const FROM_FRAME = v.variant('say', [
  v.strictObject({ say: v.literal('shown'), nonce: NONCE }),
  v.strictObject({
    say: v.literal('size'),
    nonce: NONCE,
    height: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_REPORTED_HEIGHT)),
    /** This report's number: 1 for the first. */
    report: SIZE_COUNT,
  }),
  v.strictObject({
    say: v.literal('answered'),
    nonce: NONCE,
    outcome: v.picklist(PROMPT_OUTCOMES),
  }),
]);

/** What the content script hears from its frame, for the prompt it handed over. */
export interface FrameNews {
  shown(): void;
  /**
   * The height, in CSS pixels, the prompt's content needs to show whole. Content
   * side: the next tellSight answers for it (say the sight again if nothing changes).
   */
  size(height: number): void;
  answered(outcome: PromptOutcome): void;
}

/** The content script's end of the port. */
export interface FrameLine {
  /** Tells the frame whether it is seen whole now. */
  tellSight(seen: boolean): void;
  /** The prompt is over: nothing more is heard or said. */
  close(): void;
}

/** Content side: listens on `port` for what the frame says of the prompt `nonce`. */
export function listenToFrame(port: MessagePort, nonce: string, news: FrameNews): FrameLine {
  let open = true;
  /** The frame's size reports heard so far: each sight said after one answers for it. */
  let sizes = 0;
  port.onmessage = (event: MessageEvent) => {
    const parsed = v.safeParse(FROM_FRAME, event.data);
    if (!open || !parsed.success || parsed.output.nonce !== nonce) return;
    if (parsed.output.say === 'shown') news.shown();
    else if (parsed.output.say === 'size') {
      sizes = Math.max(sizes, parsed.output.report);
      news.size(parsed.output.height);
    } else news.answered(parsed.output.outcome);
  };
  return {
    tellSight(seen) {
      const message: v.InferOutput<typeof SIGHT> = { nonce, seen, sizes };
      if (open) port.postMessage(message);
    },
    close() {
      open = false;
      port.onmessage = null;
      port.close();
    },
  };
}

/**
 * Whether the frame is seen whole, as the content script last said, at the
 * size the frame last reported: false until it says so.
 */
export interface Sight {
  seen(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (seen: boolean) => void): () => void;
  /** Tells the content script the height the content needs; unseen until it has answered. */
  reportSize(height: number): void;
}

/** Frame side: what the content script says of the frame's sight, once it has handed over. */
export function watchSight(handover: Promise<Handover>): Sight {
  let said = false;
  let answered = 0;
  let reported = 0;
  let seen = false;
  const listeners = new Set<(seen: boolean) => void>();
  const update = () => {
    const now = said && answered >= reported;
    if (now === seen) return;
    seen = now;
    listeners.forEach((listener) => listener(seen));
  };
  let post: ((height: number) => void) | null = null;
  void handover.then(({ nonce, port }) => {
    port.onmessage = (event: MessageEvent) => {
      const parsed = v.safeParse(SIGHT, event.data);
      if (!parsed.success || parsed.output.nonce !== nonce) return;
      said = parsed.output.seen;
      answered = parsed.output.sizes;
      update();
    };
    post = (height) => {
      reported += 1;
      const message: v.InferOutput<typeof FROM_FRAME> = {
        say: 'size',
        nonce,
        height: Math.min(MAX_REPORTED_HEIGHT, Math.max(0, Math.ceil(height))),
        report: reported,
      };
      port.postMessage(message);
      update();
    };
  });
  return {
    seen: () => seen,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reportSize: (height) => post?.(height),
  };
}

/** Frame side: tells the content script what became of its prompt (its size goes by Sight). */
export function tellContent({ nonce, port }: Handover): Omit<FrameNews, 'size'> {
  const say = (message: v.InferOutput<typeof FROM_FRAME>) => port.postMessage(message);
  return {
    shown: () => say({ say: 'shown', nonce }),
    answered: (outcome) => say({ say: 'answered', nonce, outcome }),
  };
}
