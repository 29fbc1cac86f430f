// Paging the observation log: pure functions over the records' plain fields
// (time, status, urgent), shared by the background's store and its tests.
//
// A page is found from a position in the log (an observation's time and id), not
// from a number of rows to skip: marking an observation while a filter is on
// moves it out of that filter, and an offset would then silently skip the next
// ones. "Older" continues right after the last row shown, whatever changed.
import { OBSERVATION_FILTERS, type ObservationFilter, type ObservationStatus } from './types';

/** Rows per page: enough to scan a week of a busy caseload, few enough to render at once. */
export const OBSERVATION_PAGE_SIZE = 50;

/** A place in the log's order (newest first): an observation's time, its id breaking ties. */
export interface ObservationPosition {
  createdAt: number;
  id: string;
}

/**
 * Which page to read. null: the newest. `older`: the page right after `at`;
 * `newer`: the page right before it; `here`: the page starting at `at` (the same
 * page again, after a change made elsewhere).
 */
export type ObservationPageRequest = {
  direction: 'older' | 'newer' | 'here';
  at: ObservationPosition;
} | null;

interface Filterable extends ObservationPosition {
  status: ObservationStatus;
  urgent: boolean;
}

export function matchesFilter(
  observation: Pick<Filterable, 'status' | 'urgent'>,
  filter: ObservationFilter,
): boolean {
  if (filter === 'to-discuss') return observation.status === 'to-discuss';
  if (filter === 'urgent') return observation.urgent;
  if (filter === 'closed')
    return observation.status === 'shared' || observation.status === 'no-action';
  return true;
}

/** Negative when `a` comes first in the log (newer), positive when it comes after. */
export function compareNewestFirst(a: ObservationPosition, b: ObservationPosition): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function countByFilter(
  records: readonly Pick<Filterable, 'status' | 'urgent'>[],
): Record<ObservationFilter, number> {
  const counts = { all: 0, 'to-discuss': 0, urgent: 0, closed: 0 };
  for (const r of records)
    for (const f of OBSERVATION_FILTERS) if (matchesFilter(r, f)) counts[f] += 1;
  return counts;
}

/** The first index in `sorted` whose row is not before `at` (inclusive) or after it (exclusive). */
function firstAtOrAfter(
  sorted: readonly ObservationPosition[],
  at: ObservationPosition,
  inclusive: boolean,
): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = compareNewestFirst(sorted[mid] as ObservationPosition, at);
    if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One page of the records matching `filter`, newest first, and how many matching
 * rows come before it (`start`). A page never comes back empty while rows match:
 * past the end (the last rows were deleted) it is the last page; before the start
 * (fewer newer rows than a page) it is the newest page.
 */
export function pageOf<T extends Filterable>(
  records: readonly T[],
  filter: ObservationFilter,
  request: ObservationPageRequest,
  size = OBSERVATION_PAGE_SIZE,
): { rows: T[]; start: number; total: number } {
  const matching = records.filter((r) => matchesFilter(r, filter)).sort(compareNewestFirst);
  const total = matching.length;
  let start = 0;
  if (request?.direction === 'older') start = firstAtOrAfter(matching, request.at, false);
  if (request?.direction === 'here') start = firstAtOrAfter(matching, request.at, true);
  if (request?.direction === 'newer')
    start = Math.max(0, firstAtOrAfter(matching, request.at, true) - size);
  if (start >= total) start = Math.max(0, total - size);
  return { rows: matching.slice(start, start + size), start, total };
}
