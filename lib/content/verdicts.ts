// What this page has learnt about people: a verdict per profile key, asked of the
// background ahead of the click (profile load, hover, focus), so that the decision
// to hold a click is synchronous. Kept for the page; forgotten when the list changes.
import { sendMessage } from '../messaging';
import { STORAGE_ITEMS } from '../storage-items';
import type { Verdict } from '../store/types';
import type { ContentScope } from './scope';

/** What the cache can tell about a person from all their keys, or undefined when it cannot yet. */
export function cachedVerdict(cache: Map<string, Verdict>, keys: string[]): Verdict | undefined {
  const known = keys.map((k) => cache.get(k));
  if (known.some((v) => v === 'client' || v === 'former-client')) return 'client';
  if (known.some((v) => v === 'not-client')) return 'not-client';
  if (known.length > 0 && known.every((v) => v === 'unknown')) return 'unknown';
  return undefined;
}

export class PageVerdicts {
  readonly #verdicts = new Map<string, Verdict>();
  readonly #asking = new Set<string>();

  constructor(scope: ContentScope) {
    // Someone was marked, answered or removed (in options, the popup, another tab): ask afresh.
    const unwatch = STORAGE_ITEMS.listVersion.watch(() => this.#verdicts.clear());
    scope.onInvalidated(unwatch);
  }

  /** What is known of the person with these keys; undefined when not yet (or no keys). */
  of(keys: string[]): Verdict | undefined {
    return keys.length > 0 ? cachedVerdict(this.#verdicts, keys) : undefined;
  }

  /** Asks the background about keys not known yet, for the click that may come. */
  learn(keys: string[]): void {
    const missing = keys.filter((k) => !this.#verdicts.has(k) && !this.#asking.has(k));
    if (missing.length === 0) return;
    missing.forEach((k) => this.#asking.add(k));
    sendMessage('getVerdict', { keys: keys.slice(0, 4) })
      .then(({ verdict, limited }) => {
        // Past the page's budget of new people the answer is "unknown" for now: not kept.
        if (!limited) keys.forEach((k) => this.#verdicts.set(k, verdict));
      })
      .catch(() => undefined) // no verdict: the click will be stopped and asked about
      .finally(() => missing.forEach((k) => this.#asking.delete(k)));
  }

  /** The coach answered about this person: what the page knew may be out of date. */
  forget(keys: string[]): void {
    for (const key of keys) this.#verdicts.delete(key);
  }
}
