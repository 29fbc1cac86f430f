// The prompt frame takes its nonce only from its parent, only with the secret
// in its own address, only in the declared shape, with its port, and only once.
import { describe, expect, it } from 'vitest';
import { randomToken } from '../../../lib/crypto';
import { awaitHandover, handOver, type Handover } from '../../../lib/prompt/handover';

const SECRET = randomToken();
const NONCE = randomToken();

/** A framed window: an event target with a parent, as the prompt page sees itself. */
function framedWindow() {
  const parent = { name: 'the host page' };
  const self = Object.assign(new EventTarget(), { parent }) as unknown as Window;
  const post = (
    data: unknown,
    source: unknown = parent,
    ports: MessagePort[] = [new MessageChannel().port2],
  ) => {
    const event = new Event('message');
    Object.defineProperties(event, {
      data: { value: data },
      source: { value: source },
      ports: { value: ports },
    });
    self.dispatchEvent(event);
  };
  return { self, parent, post };
}

const settled = async (promise: Promise<Handover>) =>
  Promise.race([
    promise.then(({ nonce }) => nonce),
    new Promise((r) => setTimeout(() => r('(nothing)'), 20)),
  ]);

describe('awaitHandover', () => {
  it('takes the nonce from its parent with the secret', async () => {
    const { self, post } = framedWindow();
    const nonce = awaitHandover(SECRET, self);
    post({ clearlinePrompt: 1, secret: SECRET, nonce: NONCE });
    expect(await settled(nonce)).toBe(NONCE);
  });

  it.each([
    ['a wrong secret', { clearlinePrompt: 1, secret: randomToken(), nonce: NONCE }],
    ['no secret', { clearlinePrompt: 1, nonce: NONCE }],
    ['an empty secret', { clearlinePrompt: 1, secret: '', nonce: NONCE }],
    ['a malformed nonce', { clearlinePrompt: 1, secret: SECRET, nonce: '<img src=x>' }],
    ['an extra field', { clearlinePrompt: 1, secret: SECRET, nonce: NONCE, context: {} }],
    ['a string', `${SECRET}:${NONCE}`],
    ['null', null],
  ])('ignores a message with %s', async (_, data) => {
    const { self, post } = framedWindow();
    const nonce = awaitHandover(SECRET, self);
    post(data);
    expect(await settled(nonce)).toBe('(nothing)');
  });

  it('ignores the right message from anyone but its parent', async () => {
    const { self, post } = framedWindow();
    const nonce = awaitHandover(SECRET, self);
    post({ clearlinePrompt: 1, secret: SECRET, nonce: NONCE }, { name: 'another frame' });
    expect(await settled(nonce)).toBe('(nothing)');
  });

  it('takes the port that came with the nonce', async () => {
    const { self, parent, post } = framedWindow();
    const handover = awaitHandover(SECRET, self);
    const { port2 } = new MessageChannel();
    post({ clearlinePrompt: 1, secret: SECRET, nonce: NONCE }, parent, [port2]);
    expect((await handover).port).toBe(port2);
  });

  it.each([
    ['no port', []],
    ['two ports', [new MessageChannel().port2, new MessageChannel().port2]],
  ])('ignores the right message with %s', async (_, ports) => {
    const { self, parent, post } = framedWindow();
    const nonce = awaitHandover(SECRET, self);
    post({ clearlinePrompt: 1, secret: SECRET, nonce: NONCE }, parent, ports);
    expect(await settled(nonce)).toBe('(nothing)');
  });

  it('takes nothing when its own address has no secret', async () => {
    const { self, post } = framedWindow();
    const nonce = awaitHandover('', self);
    post({ clearlinePrompt: 1, secret: '', nonce: NONCE });
    expect(await settled(nonce)).toBe('(nothing)');
  });

  it('keeps the first nonce: a later one changes nothing', async () => {
    const { self, post } = framedWindow();
    const nonce = awaitHandover(SECRET, self);
    post({ clearlinePrompt: 1, secret: SECRET, nonce: NONCE });
    post({ clearlinePrompt: 1, secret: SECRET, nonce: randomToken() });
    expect(await settled(nonce)).toBe(NONCE);
  });
});

describe('handOver', () => {
  it('posts to the frame for our origin only, with the port', () => {
    const sent: unknown[][] = [];
    const frame = { postMessage: (...args: unknown[]) => sent.push(args) } as unknown as Window;
    const { port2 } = new MessageChannel();
    handOver(frame, 'chrome-extension://abc', SECRET, NONCE, port2);
    expect(sent).toEqual([
      [{ clearlinePrompt: 1, secret: SECRET, nonce: NONCE }, 'chrome-extension://abc', [port2]],
    ]);
  });

  it('makes 128-bit URL-safe tokens, different each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, randomToken));
    expect(tokens.size).toBe(50);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
