// Small statistics for the benchmark: medians, p95 and a bootstrap interval.
// Pure functions, so the unit tests can check them.

/** Nearest-rank quantile (q in [0, 1]) of a list of numbers; NaN for an empty list. */
export function quantile(values, q) {
  const xs = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil(q * xs.length));
  return xs[Math.min(rank, xs.length) - 1];
}

/** The median: the mean of the two middle values for an even count. */
export function median(values) {
  const xs = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

export const p95 = (values) => quantile(values, 0.95);

/** A deterministic pseudo-random generator (mulberry32), so intervals are repeatable. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 95% percentile-bootstrap interval of `stat(...samples)`, resampling each
 * sample independently with replacement.
 * @param {number[][]} samples
 * @param {(...resampled: number[][]) => number} stat
 */
export function bootstrap(samples, stat, rounds = 2000, seed = 1) {
  const random = seeded(seed);
  const out = [];
  for (let r = 0; r < rounds; r++) {
    const resampled = samples.map((xs) =>
      Array.from({ length: xs.length }, () => xs[Math.floor(random() * xs.length)]),
    );
    const value = stat(...resampled);
    if (Number.isFinite(value)) out.push(value);
  }
  return [quantile(out, 0.025), quantile(out, 0.975)];
}

/**
 * Paired summary of one metric: `withExt[i]` and `without[i]` were measured
 * back to back in repetition i. Differences and ratios are per pair.
 */
export function paired(withExt, without) {
  const n = Math.min(withExt.length, without.length);
  const diffs = [];
  const ratios = [];
  for (let i = 0; i < n; i++) {
    diffs.push(withExt[i] - without[i]);
    if (without[i] > 0) ratios.push(withExt[i] / without[i]);
  }
  return {
    n,
    with: { median: median(withExt), p95: p95(withExt) },
    without: { median: median(without), p95: p95(without) },
    diff: { median: median(diffs), p95: p95(diffs), ci95: bootstrap([diffs], median) },
    ratio: { median: median(ratios), p95: p95(ratios) },
    diffs,
  };
}

/** Median of `a` over median of `b`, with a bootstrap interval. */
export function ratioOfMedians(a, b) {
  const stat = (x, y) => median(x) / median(y);
  return { value: stat(a, b), ci95: bootstrap([a, b], stat) };
}
