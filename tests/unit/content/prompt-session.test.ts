// One prompt's life on the page, against a background and a frame of the test's
// own: what is sent, what the coach is shown, and what lets the action through.
import { describe, expect, it } from 'vitest';
import type { MessagePayload } from '../../../lib/messaging';
import type {
  FrameKind,
  FrameListener,
  FrameTrouble,
  PromptFrame,
} from '../../../lib/content/prompt-frame';
import type { PromptOutcome } from '../../../lib/prompt/port';
import {
  OPEN_TIMEOUT_MS,
  PromptSession,
  type PromptAbout,
  type PromptEnd,
  type PromptKind,
  type PromptSessionWorld,
} from '../../../lib/content/prompt-session';

const ABOUT: PromptAbout = {
  site: 'facebook',
  action: 'add-friend',
  keys: ['fb:alex.rivera.demo'],
  name: 'Alex',
};

interface TestFrame {
  kind: FrameKind;
  handedOver: string[];
  closed: boolean;
  trouble: (trouble: FrameTrouble) => void;
  /** The frame passes on the answer the background recorded (over its port). */
  answer: (outcome: PromptOutcome) => void;
}

/** A background that answers `openPrompt` with `show` (or fails), and frames that record what they are told. */
function world(answer: { show: boolean } | Error | 'never' = { show: true }) {
  const opened: MessagePayload<'openPrompt'>[] = [];
  const closed: string[] = [];
  const frames: TestFrame[] = [];
  const alerts: string[] = [];
  const timers: (() => void)[] = [];
  let count = 0;
  const testWorld: PromptSessionWorld = {
    newNonce: () => `nonce-${++count}`.padEnd(22, 'x'),
    openPrompt: async (payload) => {
      opened.push(payload);
      if (answer === 'never') return new Promise(() => undefined);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    closePrompt: async (nonce) => void closed.push(nonce),
    showFrame: (kind, listener: FrameListener) => {
      const frame: TestFrame = {
        kind,
        handedOver: [],
        closed: false,
        trouble: listener.onTrouble,
        answer: listener.onAnswer,
      };
      frames.push(frame);
      const promptFrame: PromptFrame = {
        handOver: (nonce) => void frame.handedOver.push(nonce),
        isHost: () => !frame.closed,
        keepFocus: () => undefined,
        close: () => void (frame.closed = true),
      };
      return promptFrame;
    },
    alert: (message) => void alerts.push(message),
    setTimeout: (handler, ms) => {
      expect(ms).toBe(OPEN_TIMEOUT_MS);
      timers.push(handler);
    },
  };
  return { testWorld, opened, closed, frames, alerts, timeOut: () => timers.forEach((t) => t()) };
}

function session(kind: PromptKind, w: ReturnType<typeof world>, about = ABOUT) {
  const ends: PromptEnd[] = [];
  const prompt = new PromptSession(kind, about, w.testWorld, (end) => ends.push(end));
  return { prompt, ends };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a prompt session', () => {
  it('opens: registers first, and hands the frame its nonce only once registered', async () => {
    const w = world();
    const { prompt, ends } = session('question', w);
    prompt.open(true);
    expect(w.frames).toHaveLength(1);
    expect(w.frames[0]!.handedOver).toEqual([]);
    expect(w.opened).toEqual([{ ...ABOUT, nonce: prompt.nonce, stopped: false }]);
    await settle();
    expect(w.frames[0]!.handedOver).toEqual([prompt.nonce]);
    expect(ends).toEqual([]);
  });

  it('shows no frame before the background answers when the question is not certain', async () => {
    const w = world();
    const { prompt } = session('question', w);
    prompt.open(false);
    expect(w.frames).toHaveLength(0);
    await settle();
    expect(w.frames.map((f) => [f.kind, f.handedOver])).toEqual([['question', [prompt.nonce]]]);
  });

  it('is not asked when the background says so: the frame closes, the action goes on', async () => {
    const w = world({ show: false });
    const { prompt, ends } = session('question', w);
    prompt.open(true);
    await settle();
    expect(w.frames[0]!.closed).toBe(true);
    expect(w.frames[0]!.handedOver).toEqual([]);
    expect(ends).toEqual(['not-asked']);
    expect(prompt.ended).toBe(true);
  });

  it('answered: ends with the recorded answer, once', async () => {
    const w = world();
    const { prompt, ends } = session('question', w);
    prompt.open(true);
    await settle();
    w.frames[0]!.answer('replay');
    w.frames[0]!.answer('cancel');
    expect(ends).toEqual(['continued']);
    expect(w.frames[0]!.closed).toBe(true);
    expect(prompt.ended).toBe(true);

    const w2 = world();
    const other = session('question', w2);
    other.prompt.open(true);
    await settle();
    w2.frames[0]!.answer('cancel');
    expect(other.ends).toEqual(['cancelled']);
  });

  it('tampered: the question is given up and a modal notice says the action was stopped', async () => {
    const w = world();
    const { prompt, ends } = session('question', w);
    prompt.open(true);
    await settle();
    const first = prompt.nonce;
    w.frames[0]!.trouble('covered');
    expect(w.frames[0]!.closed).toBe(true);
    expect(w.closed).toEqual([first]);
    expect(prompt.nonce).not.toBe(first);
    expect(w.opened.at(-1)).toEqual({
      ...ABOUT,
      nonce: prompt.nonce,
      stopped: true,
      trouble: 'covered',
    });
    await settle();
    expect(w.frames.map((f) => f.kind)).toEqual(['question', 'modal']);
    expect(w.frames[1]!.handedOver).toEqual([prompt.nonce]);
    // The old frame's answer no longer counts: the notice only closes with its own.
    w.frames[0]!.answer('replay');
    expect(ends).toEqual([]);
    w.frames[1]!.answer('cancel');
    expect(ends).toEqual(['cancelled']);
  });

  it('the notice tampered with too: the action stays blocked and the browser says why', async () => {
    const w = world();
    const { prompt, ends } = session('question', w);
    prompt.open(true);
    await settle();
    w.frames[0]!.trouble('removed');
    await settle();
    w.frames[1]!.trouble('hidden');
    expect(ends).toEqual(['stopped']);
    expect(w.alerts).toEqual(['promptTamperedAlert']);
  });

  it('a reminder the page hid is dropped; the browser carries it', async () => {
    const w = world();
    const about = {
      ...ABOUT,
      action: 'post' as const,
      post: { action: 'share' as const, url: null },
    };
    const { prompt, ends } = session('reminder', w, about);
    prompt.open(true);
    await settle();
    w.frames[0]!.trouble('covered');
    expect(w.closed).toEqual([prompt.nonce]);
    expect(ends).toEqual(['stopped']);
    expect(w.alerts).toEqual(['observedReminderHiddenAlert']);
    expect(w.opened).toHaveLength(1);
  });

  it('timed out: a background that never answers leaves the action blocked, and says so', async () => {
    const w = world('never');
    const { prompt, ends } = session('question', w);
    prompt.open(false);
    w.timeOut();
    expect(w.opened.map((p) => [p.stopped, p.trouble])).toEqual([
      [false, undefined],
      [true, 'not-loaded'],
    ]);
    expect(ends).toEqual([]);
    expect(prompt.ended).toBe(false);
  });

  it('a frame already showing is not timed out here: the frame has its own wait', async () => {
    const w = world('never');
    const { prompt } = session('question', w);
    prompt.open(true);
    w.timeOut();
    expect(w.opened).toHaveLength(1);
    expect(prompt.ended).toBe(false);
  });

  it('background gone: the action stays blocked; with no notice possible, the prompt ends', async () => {
    const w = world(new Error('Could not establish connection'));
    const { prompt, ends } = session('question', w);
    prompt.open(true);
    await settle();
    expect(w.frames[0]!.closed).toBe(true);
    expect(w.opened.map((p) => p.stopped)).toEqual([false, true]);
    await settle();
    expect(ends).toEqual(['stopped']);
    expect(prompt.ended).toBe(true);
  });

  it('extension reloaded: closed at once, no frame left, and nothing more is heard', async () => {
    const w = world();
    const { prompt, ends } = session('question', w);
    prompt.open(true);
    prompt.close();
    expect(w.frames[0]!.closed).toBe(true);
    expect(ends).toEqual(['closed']);
    await settle();
    // The registration's late answer shows nothing.
    expect(w.frames).toHaveLength(1);
    expect(w.frames[0]!.handedOver).toEqual([]);
    w.frames[0]!.answer('replay');
    expect(ends).toEqual(['closed']);
    expect(prompt.isHost(null)).toBe(false);
  });

  it('opens once', () => {
    const w = world('never');
    const { prompt } = session('question', w);
    prompt.open(true);
    prompt.open(true);
    expect(w.opened).toHaveLength(1);
  });
});
