// The line between a prompt's frame and its content script: a MessagePort that
// the content script hands the frame with the nonce (handover.ts). Only the two
// of them ever hold it: the host page never sees the port, so nothing it posts
// reaches either side. Each message still carries the prompt's nonce and counts
// only for it: a message about another prompt is no answer to this one.
//
// Content to frame: whether the frame is seen whole on the coach's screen. Only
// the host page's side can tell reliably: Chromium's IntersectionObserver v2
// inside an extension frame that does not have focus (a reminder never takes
// it; a question can lose it) reports it hidden, or reports late, while it is
// plainly on screen.
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

const SIGHT = v.strictObject({ nonce: NONCE, seen: v.boolean() });

/** Taller than any screen: the content script keeps the frame within the viewport anyway. */
export const MAX_REPORTED_HEIGHT = 10_000;

const FROM_FRAME = v.variant('say', [
  v.strictObject({ say: v.literal('shown'), nonce: NONCE }),
  v.strictObject({
    say: v.literal('size'),
    nonce: NONCE,
    height: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_REPORTED_HEIGHT)),
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
  /** The height, in CSS pixels, the prompt's content needs to show whole. */
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
  port.onmessage = (event: MessageEvent) => {
    const parsed = v.safeParse(FROM_FRAME, event.data);
    if (!open || !parsed.success || parsed.output.nonce !== nonce) return;
    if (parsed.output.say === 'shown') news.shown();
    else if (parsed.output.say === 'size') news.size(parsed.output.height);
    else news.answered(parsed.output.outcome);
  };
  return {
    tellSight(seen) {
      const message: v.InferOutput<typeof SIGHT> = { nonce, seen };
      if (open) port.postMessage(message);
    },
    close() {
      open = false;
      port.onmessage = null;
      port.close();
    },
  };
}

/** Whether the frame is seen whole, as the content script last said: false until it says so. */
export interface Sight {
  seen(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (seen: boolean) => void): () => void;
}

/** Frame side: what the content script says of the frame's sight, once it has handed over. */
export function watchSight(handover: Promise<Handover>): Sight {
  let seen = false;
  const listeners = new Set<(seen: boolean) => void>();
  void handover.then(({ nonce, port }) => {
    port.onmessage = (event: MessageEvent) => {
      const parsed = v.safeParse(SIGHT, event.data);
      if (!parsed.success || parsed.output.nonce !== nonce || parsed.output.seen === seen) return;
      seen = parsed.output.seen;
      listeners.forEach((listener) => listener(seen));
    };
  });
  return {
    seen: () => seen,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Frame side: tells the content script what became of its prompt. */
export function tellContent({ nonce, port }: Handover): FrameNews {
  const say = (message: v.InferOutput<typeof FROM_FRAME>) => port.postMessage(message);
  return {
    shown: () => say({ say: 'shown', nonce }),
    size: (height) => say({ say: 'size', nonce, height }),
    answered: (outcome) => say({ say: 'answered', nonce, outcome }),
  };
}
