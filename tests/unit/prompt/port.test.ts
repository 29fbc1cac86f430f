// The port between a prompt's frame and its content script: each side hears
// only the declared messages, about its own prompt, and nothing once it is over.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomToken } from '../../../lib/crypto';
import type { Handover } from '../../../lib/prompt/handover';
import {
  listenToFrame,
  tellContent,
  watchSight,
  type PromptOutcome,
} from '../../../lib/prompt/port';

const NONCE = randomToken();
const OTHER = randomToken();

/** Messages cross a port in a task of their own. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 10));

const channels: MessageChannel[] = [];
afterEach(() => {
  channels.forEach(({ port1, port2 }) => (port1.close(), port2.close()));
  channels.length = 0;
});

/** A content script's end listening for NONCE, and the frame's end of the same port. */
function contentAndFrame() {
  const channel = new MessageChannel();
  channels.push(channel);
  const heard: ('shown' | PromptOutcome | number)[] = [];
  const line = listenToFrame(channel.port1, NONCE, {
    shown: () => void heard.push('shown'),
    size: (height) => void heard.push(height),
    answered: (outcome) => void heard.push(outcome),
  });
  const frame: Handover = { nonce: NONCE, port: channel.port2 };
  return { line, frame, heard, framePort: channel.port2, contentPort: channel.port1 };
}

describe('the content script, from its frame', () => {
  it('hears "shown" and the answer for its own prompt', async () => {
    const { frame, heard } = contentAndFrame();
    const content = tellContent(frame);
    const sight = watchSight(Promise.resolve(frame));
    content.shown();
    await delivered();
    sight.reportSize(312.4);
    content.answered('replay');
    await delivered();
    expect(heard).toEqual(['shown', 313, 'replay']);
  });

  it('ignores "shown" or an answer about another prompt', async () => {
    const { heard, framePort } = contentAndFrame();
    const content = tellContent({ nonce: OTHER, port: framePort });
    const sight = watchSight(Promise.resolve({ nonce: OTHER, port: framePort }));
    content.shown();
    await delivered();
    sight.reportSize(312);
    content.answered('replay');
    await delivered();
    expect(heard).toEqual([]);
  });

  it.each([
    ['no nonce', { say: 'answered', outcome: 'replay' }],
    ['a malformed nonce', { say: 'answered', nonce: '<b>', outcome: 'replay' }],
    ['an unknown outcome', { say: 'answered', nonce: NONCE, outcome: 'allow' }],
    ['no outcome', { say: 'answered', nonce: NONCE }],
    ['an unknown word', { say: 'seen', nonce: NONCE }],
    ['an extra field', { say: 'shown', nonce: NONCE, outcome: 'replay' }],
    ['a height that is not a number', { say: 'size', nonce: NONCE, height: '300', report: 1 }],
    ['a negative height', { say: 'size', nonce: NONCE, height: -1, report: 1 }],
    ['a height past any screen', { say: 'size', nonce: NONCE, height: 1e9, report: 1 }],
    ['a fractional height', { say: 'size', nonce: NONCE, height: 300.5, report: 1 }],
    ['a size without its number', { say: 'size', nonce: NONCE, height: 300 }],
    ['a string', `answered:${NONCE}:replay`],
    ['null', null],
  ])('ignores a message with %s', async (_, data) => {
    const { heard, framePort } = contentAndFrame();
    framePort.postMessage(data);
    await delivered();
    expect(heard).toEqual([]);
  });

  it('once the prompt is over, its port is closed and nothing more is heard or said', async () => {
    const { line, frame, heard, contentPort, framePort } = contentAndFrame();
    const close = vi.spyOn(contentPort, 'close');
    const sight = watchSight(Promise.resolve(frame));
    line.close();
    expect(close).toHaveBeenCalled();
    framePort.postMessage({ say: 'answered', nonce: NONCE, outcome: 'replay' });
    line.tellSight(true);
    await delivered();
    expect(heard).toEqual([]);
    expect(sight.seen()).toBe(false);
  });
});

describe('the frame, from its content script', () => {
  it('after reporting a new size, is not seen until the content script answers for it', async () => {
    const { line, frame } = contentAndFrame();
    const sight = watchSight(Promise.resolve(frame));
    await delivered();
    line.tellSight(true);
    await delivered();
    expect(sight.seen()).toBe(true);
    sight.reportSize(420);
    // At once: the buttons wait for the frame to be seen at its new size.
    expect(sight.seen()).toBe(false);
    await delivered();
    line.tellSight(true);
    await delivered();
    expect(sight.seen()).toBe(true);
  });

  it('a "seen" said before the new size was heard does not count for it', async () => {
    const { line, frame, contentPort } = contentAndFrame();
    const sight = watchSight(Promise.resolve(frame));
    await delivered();
    sight.reportSize(420);
    // Sent by the content script before it heard of the report: it answers for no size yet.
    contentPort.postMessage({ nonce: NONCE, seen: true, sizes: 0 });
    await delivered();
    expect(sight.seen()).toBe(false);
    line.tellSight(true);
    await delivered();
    expect(sight.seen()).toBe(true);
  });

  it('is not seen until the content script says so, and follows what it says', async () => {
    const { line, frame } = contentAndFrame();
    const sight = watchSight(Promise.resolve(frame));
    const heard: boolean[] = [];
    sight.subscribe((seen) => heard.push(seen));
    await delivered();
    expect(sight.seen()).toBe(false);
    line.tellSight(true);
    line.tellSight(true);
    line.tellSight(false);
    await delivered();
    expect(heard).toEqual([true, false]);
    expect(sight.seen()).toBe(false);
  });

  it.each([
    ['another prompt', { nonce: OTHER, seen: true, sizes: 0 }],
    ['no nonce', { seen: true, sizes: 0 }],
    ['a string for seen', { nonce: NONCE, seen: 'true', sizes: 0 }],
    ['an extra field', { nonce: NONCE, seen: true, sizes: 0, say: 'shown' }],
    ['no count of sizes', { nonce: NONCE, seen: true }],
    ['a string', 'seen'],
  ])('is not told it is seen by a message about %s', async (_, data) => {
    const { frame, contentPort } = contentAndFrame();
    const sight = watchSight(Promise.resolve(frame));
    await delivered();
    contentPort.postMessage(data);
    await delivered();
    expect(sight.seen()).toBe(false);
  });
});
