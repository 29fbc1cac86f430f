// The content script hears the background, and nobody else: not a page, not
// another extension, not a content script or page in a tab; only declared
// messages, in their declared shape.
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../../lib/browser';
import { createTabRouter } from '../../../lib/content/tab-router';

const ID = 'clearline-id';
const BACKGROUND: Runtime.MessageSender = { id: ID };
const POST = { keys: ['fb:alex.rivera.demo'], postUrl: null };
const describePost = { clearline: 1, name: 'describeContextPost', payload: {} };

function router() {
  const tabs = createTabRouter(ID);
  const heard: unknown[] = [];
  tabs.on('describeContextPost', (payload) => {
    heard.push(payload);
    return POST;
  });
  return { tabs, heard };
}

describe('the tab router', () => {
  it("delivers the background's message to its handler, and its reply back", async () => {
    const { tabs, heard } = router();
    expect(await tabs.listener(describePost, BACKGROUND)).toEqual(POST);
    expect(heard).toEqual([{}]);
  });

  it.each([
    ['another extension', { id: 'someone-else' }],
    ['no extension at all', {}],
    ['a tab (a content script or a page of ours in a tab)', { id: ID, tab: { id: 3 } }],
  ] as [string, Runtime.MessageSender][])('ignores a message from %s', (_, sender) => {
    const { tabs, heard } = router();
    expect(tabs.listener(describePost, sender)).toBeUndefined();
    expect(heard).toEqual([]);
  });

  it.each([
    ['no envelope', { name: 'describeContextPost', payload: {} }],
    ['an undeclared name', { ...describePost, name: 'answerPrompt' }],
    ["a name from Object's prototype", { ...describePost, name: 'toString' }],
    ['a malformed payload', { ...describePost, payload: 'post' }],
    ['an extra field', { ...describePost, payload: { keys: [] } }],
    ['null', null],
    ['a string', 'describeContextPost'],
  ])('ignores %s', (_, message) => {
    const { tabs, heard } = router();
    expect(tabs.listener(message, BACKGROUND)).toBeUndefined();
    expect(heard).toEqual([]);
  });

  it('leaves a message nobody handles unanswered, and a removed handler hears nothing', () => {
    const tabs = createTabRouter(ID);
    const heard: unknown[] = [];
    expect(tabs.listener(describePost, BACKGROUND)).toBeUndefined();
    const stop = tabs.on('describeContextPost', (payload) => {
      heard.push(payload);
      return POST;
    });
    stop();
    expect(tabs.listener(describePost, BACKGROUND)).toBeUndefined();
    expect(heard).toEqual([]);
  });
});
