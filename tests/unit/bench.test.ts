// @vitest-environment happy-dom
// The benchmark's own pieces (it is not run by npm test: see docs/performance.md):
// its statistics, the feed generator's markup, and the shape of the committed results.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { median, p95, paired, quantile } from '../bench/stats.mjs';
import { postHtml, feedPage } from '../bench/feed.mjs';
import { TARGETS } from '../bench/targets.mjs';

describe('bench statistics', () => {
  it('median, nearest-rank p95 and paired differences', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(p95([5])).toBe(5);
    const p = paired([11, 12, 13], [10, 10, 10]);
    expect(p.diffs).toEqual([1, 2, 3]);
    expect(p.diff.median).toBe(2);
    expect(p.ratio.median).toBeCloseTo(1.2);
  });
});

describe('bench feed', () => {
  it('a post is balanced markup with the controls the extension looks at', () => {
    const html = postHtml(7);
    expect(html.match(/<div\b/g)?.length).toBe(html.match(/<\/div>/g)?.length);
    for (const label of [
      'Add friend',
      'Message',
      'Send this to friends or post it on your profile.',
    ])
      expect(html).toContain(`aria-label="${label}"`);
    expect(html).toContain('>Follow<');
    expect(html).toContain('data-ad-rendering-role="profile_name"');
  });

  it('the page holds exactly the posts asked for, one feed item each', () => {
    const doc = new DOMParser().parseFromString(feedPage({ posts: 25 }), 'text/html');
    expect(doc.querySelectorAll('[role="feed"] > [aria-posinset]')).toHaveLength(25);
  });
});

describe('committed results', () => {
  const path = 'tests/bench/results.json';
  it.runIf(existsSync(path))('results.json has every target with a measured value', () => {
    const results = JSON.parse(readFileSync(path, 'utf8'));
    expect(results.meta.repetitions).toBeGreaterThanOrEqual(10);
    expect(results.meta.sizes).toEqual([100, 1000, 10000]);
    expect(typeof results.meta.chromium).toBe('string');
    expect(results.targets.map((t: { name: string }) => t.name)).toEqual(
      TARGETS.map((t) => t.name),
    );
    for (const t of results.targets) expect(typeof t.value, t.name).toBe('number');
    for (const size of ['100', '1000', '10000'])
      expect(results.measured.load[size].taskMs.diffs).toHaveLength(results.meta.repetitions);
    const { firstLoad, prompt, afterLoad } = results.measured;
    expect(firstLoad.scriptMs.diffs).toHaveLength(results.meta.repetitions);
    for (const kind of ['warm', 'cold', 'early'])
      expect(prompt[kind].samples, kind).toHaveLength(results.meta.repetitions);
    // The early clicks measure a page whose frame is not prepared yet: none may have found one.
    expect(prompt.early.prepared).toBe(0);
    // The after-load window saw the frame prepared, every time.
    expect(afterLoad.preparedFrames).toEqual(Array(results.meta.repetitions).fill(1));
  });
});
