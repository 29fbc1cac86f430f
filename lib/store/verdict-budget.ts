// How many new people a tab may ask about. A page controls its own links, so it
// could rewrite an author link before each hover and have Clearline look up any
// handle it likes. What Clearline does with a verdict shows the page nothing
// (docs/data-protection.md), and this budget bounds the lookups as well: each
// tab has a bucket of new keys that refills slowly; past it the answer is
// "unknown, limited" (the content script then asks before acting, as for anyone,
// and keeps no verdict). Keys a tab already asked about cost nothing.

/** A tab may ask about this many new keys at once... */
export const VERDICT_BURST = 120;
/** ...and one more every this many milliseconds. */
export const VERDICT_REFILL_MS = 1_000;
/** Keys remembered per tab as already asked (a long session's feed). */
const REMEMBERED_KEYS = 2_000;

interface Bucket {
  tokens: number;
  at: number;
  asked: Set<string>;
}

export function createVerdictBudget(now: () => number = Date.now) {
  const tabs = new Map<number, Bucket>();
  return {
    /** Whether this tab may learn the verdict for `keys` now (spending its budget if so). */
    allow(tabId: number, keys: readonly string[]): boolean {
      const time = now();
      let bucket = tabs.get(tabId);
      if (!bucket) {
        bucket = { tokens: VERDICT_BURST, at: time, asked: new Set() };
        tabs.set(tabId, bucket);
      }
      const refill = Math.floor((time - bucket.at) / VERDICT_REFILL_MS);
      if (refill > 0) {
        bucket.tokens = Math.min(VERDICT_BURST, bucket.tokens + refill);
        bucket.at += refill * VERDICT_REFILL_MS;
      }
      const fresh = keys.filter((k) => !bucket.asked.has(k));
      if (fresh.length === 0) return true;
      if (fresh.length > bucket.tokens) return false;
      bucket.tokens -= fresh.length;
      for (const key of fresh) {
        if (bucket.asked.size >= REMEMBERED_KEYS) bucket.asked.clear();
        bucket.asked.add(key);
      }
      return true;
    },
    forgetTab(tabId: number): void {
      tabs.delete(tabId);
    },
  };
}
