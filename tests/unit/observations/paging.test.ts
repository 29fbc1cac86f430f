// Paging the observation log (lib/observations/paging.ts): pages found from a
// position in the log, so that a change under a filter never skips a row.
import { describe, expect, it } from 'vitest';
import {
  compareNewestFirst,
  countByFilter,
  matchesFilter,
  pageOf,
} from '../../../lib/observations/paging';
import type { ObservationStatus } from '../../../lib/observations/types';

interface Row {
  id: string;
  createdAt: number;
  status: ObservationStatus;
  urgent: boolean;
}
// 230 rows, r0 the newest; every third still to discuss, every tenth urgent.
// Two pairs share a time: the id decides their order.
const rows: Row[] = Array.from({ length: 230 }, (_, i) => ({
  id: `r${String(i).padStart(3, '0')}`,
  createdAt: 1_000_000 - i * 10 + (i === 7 || i === 101 ? 10 : 0),
  status: (i % 3 === 0 ? 'to-discuss' : i % 3 === 1 ? 'discussed' : 'shared') as ObservationStatus,
  urgent: i % 10 === 0,
}));
const shuffled = [...rows].reverse();
const ids = (list: Row[]) => list.map((r) => r.id);
const at = (r: Row) => ({ createdAt: r.createdAt, id: r.id });

describe('observation paging', () => {
  it('orders newest first, the id breaking a tie in time', () => {
    const sorted = [...shuffled].sort(compareNewestFirst);
    expect(sorted[0]!.id).toBe('r000');
    // r007 has r006's time: the larger id comes first among equals, every time.
    expect(ids(sorted.slice(5, 9))).toEqual(['r005', 'r007', 'r006', 'r008']);
  });

  it('counts every filter in one pass', () => {
    expect(countByFilter(rows)).toEqual({ all: 230, 'to-discuss': 77, urgent: 23, closed: 76 });
    expect(matchesFilter({ status: 'no-action', urgent: false }, 'closed')).toBe(true);
    expect(matchesFilter({ status: 'discussed', urgent: true }, 'closed')).toBe(false);
  });

  it('the first page is the newest 50, whatever order the records came in', () => {
    const page = pageOf(shuffled, 'all', null);
    expect(page.start).toBe(0);
    expect(page.total).toBe(230);
    expect(page.rows).toHaveLength(50);
    expect(ids(page.rows)).toEqual(ids([...rows].sort(compareNewestFirst).slice(0, 50)));
  });

  it('older pages follow on from the last row, down to a short last page, and back', () => {
    const seen: string[] = [];
    let page = pageOf(shuffled, 'all', null);
    const starts = [page.start];
    seen.push(...ids(page.rows));
    while (page.start + page.rows.length < page.total) {
      page = pageOf(shuffled, 'all', { direction: 'older', at: at(page.rows.at(-1)!) });
      starts.push(page.start);
      seen.push(...ids(page.rows));
    }
    expect(starts).toEqual([0, 50, 100, 150, 200]);
    expect(page.rows).toHaveLength(30);
    // Every row once, in order.
    expect(seen).toEqual(ids([...rows].sort(compareNewestFirst)));
    const back = pageOf(shuffled, 'all', { direction: 'newer', at: at(page.rows[0]!) });
    expect(back.start).toBe(150);
    expect(back.rows).toHaveLength(50);
  });

  it('filters are applied before paging, with their own totals', () => {
    const first = pageOf(shuffled, 'urgent', null);
    expect(first.total).toBe(23);
    expect(first.rows.every((r) => r.urgent)).toBe(true);
    const todo = pageOf(shuffled, 'to-discuss', null);
    const next = pageOf(shuffled, 'to-discuss', { direction: 'older', at: at(todo.rows.at(-1)!) });
    expect(next.start).toBe(50);
    expect(next.rows).toHaveLength(27);
    expect(next.rows.every((r) => r.status === 'to-discuss')).toBe(true);
  });

  it('a row leaving the filter skips nothing: Older continues after the last row shown', () => {
    const live = rows.map((r) => ({ ...r }));
    const todo = pageOf(live, 'to-discuss', null);
    const lastShown = todo.rows.at(-1)!;
    const expectedNext = pageOf(live, 'to-discuss', { direction: 'older', at: at(lastShown) });
    // Five on the page are marked discussed: by offset, five of the next page would be skipped.
    for (const r of todo.rows.slice(0, 5)) live.find((x) => x.id === r.id)!.status = 'discussed';
    const next = pageOf(live, 'to-discuss', { direction: 'older', at: at(lastShown) });
    expect(ids(next.rows)).toEqual(ids(expectedNext.rows));
    expect(next.start).toBe(45);
  });

  it('"here" reads the same page again; past the end it is the last page, never empty', () => {
    const second = pageOf(rows, 'all', { direction: 'older', at: at(rows[49]!) });
    const again = pageOf(rows, 'all', { direction: 'here', at: at(second.rows[0]!) });
    expect(ids(again.rows)).toEqual(ids(second.rows));
    // The whole last page was deleted: the page before it comes instead.
    const kept = rows.filter((r) => Number(r.id.slice(1)) < 200);
    const gone = pageOf(kept, 'all', { direction: 'here', at: at(rows[200]!) });
    expect(gone.start).toBe(150);
    expect(gone.rows).toHaveLength(50);
    // Newer than the tenth row: fewer than a page, so the newest page.
    expect(pageOf(rows, 'all', { direction: 'newer', at: at(rows[10]!) }).start).toBe(0);
    expect(pageOf([], 'all', null)).toEqual({ rows: [], start: 0, total: 0 });
  });
});
