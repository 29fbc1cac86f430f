// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../../lib/content/context';

afterEach(() => vi.restoreAllMocks());

describe("the content script's own context", () => {
  it('sends the page nothing when it starts, and hears no stop signal from it', () => {
    const heard: string[] = [];
    const listen = (e: Event) => heard.push(e.type);
    const dispatch = vi.spyOn(document, 'dispatchEvent');
    const post = vi.spyOn(window, 'postMessage');
    window.addEventListener('message', listen);
    const ctx = new ContentScriptContext('facebook', {});
    expect(dispatch).not.toHaveBeenCalled();
    expect(post).not.toHaveBeenCalled();
    // What WXT's context obeyed: a document event from "another" script.
    for (const name of [
      `${fakeBrowser.runtime.id}:facebook:wxt:content-script-started`,
      'wxt:content-script-started',
    ])
      document.dispatchEvent(
        new CustomEvent(name, { detail: { contentScriptName: 'facebook', messageId: 'forged' } }),
      );
    window.postMessage({ type: 'wxt:content-script-started', messageId: 'forged' }, '*');
    expect(ctx.isValid).toBe(true);
    window.removeEventListener('message', listen);
  });

  it('ends when the extension goes away, and runs its cleanups once', () => {
    const ctx = new ContentScriptContext('instagram');
    const cleanup = vi.fn();
    ctx.onInvalidated(cleanup);
    expect(ctx.isValid).toBe(true);
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(ctx.isValid).toBe(false);
    expect(ctx.isValid).toBe(false);
    expect(cleanup).toHaveBeenCalledOnce();
  });
});
