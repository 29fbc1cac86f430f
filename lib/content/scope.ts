// A stoppable slice of the content script's context. The runtime starts its
// features inside a scope and stops the scope when the agency (or the coach)
// turns Clearline off for the site: every listener, timer and watcher the
// features added goes with it, so a turned-off site costs nothing.
import type { ContentLifetime } from './context';

export interface ContentScope {
  readonly isValid: boolean;
  addEventListener(
    target: EventTarget,
    type: string,
    // Features pass typed listeners (MouseEvent, KeyboardEvent ...): any keeps them assignable.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    listener: (event: any) => void,
    options?: AddEventListenerOptions,
  ): void;
  setTimeout(handler: () => void, ms: number): number;
  setInterval(handler: () => void, ms: number): number;
  /**
   * Runs `handler` once, `ms` after the page's load event (or LOAD_WAIT_MS after
   * its document is parsed, if it never finishes loading): work that can wait
   * leaves the page's own start alone.
   */
  afterLoad(handler: () => void, ms: number): void;
  /** Runs `handler` once the document is parsed (at once if it is). */
  whenParsed(handler: () => void): void;
  /** Runs when the scope stops or the extension context goes away, whichever comes first. */
  onInvalidated(callback: () => void): void;
}

/** A page parsed this long ago but still loading gets its after-load work anyway. */
const LOAD_WAIT_MS = 10_000;

export function startScope(ctx: ContentLifetime): {
  scope: ContentScope;
  /** Aborts when the scope stops: for listeners added with `{ signal }`. */
  signal: AbortSignal;
  stop(): void;
} {
  const controller = new AbortController();
  const timers = new Set<number>();
  const cleanups: (() => void)[] = [];
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    controller.abort();
    timers.forEach((id) => {
      clearTimeout(id);
      clearInterval(id);
    });
    cleanups.splice(0).forEach((cleanup) => cleanup());
  };
  ctx.onInvalidated(stop);
  const scope: ContentScope = {
    get isValid() {
      return !stopped && ctx.isValid;
    },
    addEventListener(target, type, listener, options) {
      if (stopped) return;
      target.addEventListener(type, listener, { ...options, signal: controller.signal });
    },
    setTimeout(handler, ms) {
      const id = window.setTimeout(() => {
        timers.delete(id);
        if (scope.isValid) handler();
      }, ms);
      timers.add(id);
      return id;
    },
    setInterval(handler, ms) {
      const id = window.setInterval(() => {
        if (scope.isValid) handler();
      }, ms);
      timers.add(id);
      return id;
    },
    afterLoad(handler, ms) {
      let ran = false;
      const once = () => {
        if (ran) return;
        ran = true;
        handler();
      };
      if (document.readyState === 'complete') {
        scope.setTimeout(once, ms);
        return;
      }
      scope.addEventListener(window, 'load', () => scope.setTimeout(once, ms), { once: true });
      // Counted from the parsed document: a long page still parsing is loading, not stuck.
      scope.whenParsed(() => scope.setTimeout(once, LOAD_WAIT_MS));
    },
    whenParsed(handler) {
      if (document.readyState !== 'loading') handler();
      else scope.addEventListener(document, 'DOMContentLoaded', handler, { once: true });
    },
    onInvalidated(callback) {
      if (stopped) callback();
      else cleanups.push(callback);
    },
  };
  return { scope, signal: controller.signal, stop };
}
