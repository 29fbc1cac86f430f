// @vitest-environment happy-dom
// The content scope's after-load work: it waits for the page's load event and
// then the delay, runs once, and never after the scope is stopped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentLifetime } from '../../../lib/content/context';
import { startScope } from '../../../lib/content/scope';

function fakeContext() {
  const callbacks: (() => void)[] = [];
  const ctx = {
    isValid: true,
    onInvalidated: (cb: () => void) => callbacks.push(cb),
  } as unknown as ContentLifetime;
  return { ctx, invalidate: () => callbacks.forEach((cb) => cb()) };
}

let readyState: DocumentReadyState = 'loading';
beforeEach(() => {
  vi.useFakeTimers();
  readyState = 'loading';
  vi.spyOn(document, 'readyState', 'get').mockImplementation(() => readyState);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const load = () => {
  readyState = 'complete';
  window.dispatchEvent(new Event('load'));
};

describe('afterLoad', () => {
  it('runs the delay after the load event, once', () => {
    const { scope } = startScope(fakeContext().ctx);
    const run = vi.fn();
    scope.afterLoad(run, 1_000);
    vi.advanceTimersByTime(5_000);
    expect(run).not.toHaveBeenCalled(); // still loading
    load();
    vi.advanceTimersByTime(999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(20_000); // the fallback for a page that never loads does not run it again
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('on a page already loaded, waits only the delay', () => {
    readyState = 'complete';
    const { scope } = startScope(fakeContext().ctx);
    const run = vi.fn();
    scope.afterLoad(run, 1_000);
    vi.advanceTimersByTime(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('a page still parsing is waited for; one parsed but never loaded gets it after 10 s', () => {
    const { scope } = startScope(fakeContext().ctx);
    const run = vi.fn();
    scope.afterLoad(run, 1_000);
    vi.advanceTimersByTime(60_000); // a long page, still parsing
    expect(run).not.toHaveBeenCalled();
    readyState = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    vi.advanceTimersByTime(9_999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once the scope is stopped (the site turned off), nor on invalidation', () => {
    const first = startScope(fakeContext().ctx);
    const run = vi.fn();
    first.scope.afterLoad(run, 1_000);
    first.stop();
    load();
    vi.advanceTimersByTime(20_000);
    const { ctx, invalidate } = fakeContext();
    const second = startScope(ctx);
    second.scope.afterLoad(run, 1_000);
    invalidate();
    vi.advanceTimersByTime(20_000);
    expect(run).not.toHaveBeenCalled();
  });
});
