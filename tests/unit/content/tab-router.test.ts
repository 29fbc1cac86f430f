// The content script hears the background, and nobody else: not a page, not
// another extension, not a content script or page in a tab; only declared
// messages, in their declared shape.
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../../lib/browser';
import { createTabRouter } from '../../../lib/content/tab-router';

const ID = 'clearline-id';
const BACKGROUND: Runtime.MessageSender = { id: ID };
const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA';
const resolved = {
  clearline: 1,
  name: 'promptResolved',
  payload: { nonce: NONCE, outcome: 'replay' },
};

function router() {
  const tabs = createTabRouter(ID);
  const heard: unknown[] = [];
  tabs.on('promptResolved', (payload) => void heard.push(payload));
  tabs.on('describeContextPost', () => ({ keys: ['fb:alex.rivera.demo'], postUrl: null }));
  return { tabs, heard };
}

describe('the tab router', () => {
  it("delivers the background's message to its handler, and its reply back", async () => {
    const { tabs, heard } = router();
    await tabs.listener(resolved, BACKGROUND);
    expect(heard).toEqual([{ nonce: NONCE, outcome: 'replay' }]);
    expect(
      await tabs.listener({ clearline: 1, name: 'describeContextPost', payload: {} }, BACKGROUND),
    ).toEqual({ keys: ['fb:alex.rivera.demo'], postUrl: null });
  });

  it.each([
    ['another extension', { id: 'someone-else' }],
    ['no extension at all', {}],
    ['a tab (a content script or a page of ours in a tab)', { id: ID, tab: { id: 3 } }],
  ] as [string, Runtime.MessageSender][])('ignores a message from %s', (_, sender) => {
    const { tabs, heard } = router();
    expect(tabs.listener(resolved, sender)).toBeUndefined();
    expect(heard).toEqual([]);
  });

  it.each([
    ['no envelope', { name: 'promptResolved', payload: resolved.payload }],
    ['an undeclared name', { ...resolved, name: 'answerPrompt' }],
    ["a name from Object's prototype", { ...resolved, name: 'toString' }],
    ['a malformed payload', { ...resolved, payload: { nonce: NONCE, outcome: 'yes' } }],
    ['an extra field', { ...resolved, payload: { ...resolved.payload, keys: [] } }],
    ['null', null],
    ['a string', 'promptResolved'],
  ])('ignores %s', (_, message) => {
    const { tabs, heard } = router();
    expect(tabs.listener(message, BACKGROUND)).toBeUndefined();
    expect(heard).toEqual([]);
  });

  it('leaves a message nobody handles unanswered, and a removed handler hears nothing', () => {
    const tabs = createTabRouter(ID);
    const heard: unknown[] = [];
    const stop = tabs.on('promptShown', (payload) => void heard.push(payload));
    stop();
    const shown = { clearline: 1, name: 'promptShown', payload: { nonce: NONCE } };
    expect(tabs.listener(shown, BACKGROUND)).toBeUndefined();
    expect(tabs.listener(resolved, BACKGROUND)).toBeUndefined();
    expect(heard).toEqual([]);
  });
});
