import type { ContentScope } from './scope';

/** Where the Navigation API is missing (older Firefox), how often to look for a new address. */
const URL_POLL_MS = 1_000;

/** One watcher per content script, however many features want to hear of new addresses. */
const watchers = new WeakMap<ContentScope, Set<() => void>>();

/** Calls back after every same-document navigation (both sites are single-page apps). */
export function onAddressChange(ctx: ContentScope, callback: () => void): void {
  const known = watchers.get(ctx);
  if (known) return void known.add(callback);
  const callbacks = new Set([callback]);
  watchers.set(ctx, callbacks);
  const notify = () => callbacks.forEach((run) => run());
  // Not WXT's "wxt:locationchange": that is an event on the page's window whose
  // name carries our extension id, which the page could read or forge.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    ctx.addEventListener(navigation, 'currententrychange', (event) => {
      if (event.isTrusted) notify();
    });
    return;
  }
  let last = location.href;
  ctx.setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    notify();
  }, URL_POLL_MS);
}
