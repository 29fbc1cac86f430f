// The observation log's shared vocabulary: what the options page sees. Post URLs
// and notes are sealed at rest; while locked they show as null.
import type { SiteId } from '../sites/types';

export const OBSERVATION_STATUSES = ['to-discuss', 'discussed', 'shared', 'no-action'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/** The log's filters; what each one shows is matchesFilter in paging.ts. */
export const OBSERVATION_FILTERS = ['all', 'to-discuss', 'urgent', 'closed'] as const;
export type ObservationFilter = (typeof OBSERVATION_FILTERS)[number];

export interface ObservationView {
  id: string;
  createdAt: number;
  platform: SiteId;
  /** The client's label when unlocked and known; null otherwise (or no client known). */
  clientLabel: string | null;
  /** The client's first profile key when unlocked; null while locked or unknown. */
  clientKey: string | null;
  postUrl: string | null;
  note: string | null;
  status: ObservationStatus;
  /** When the coach talked it through with the client. */
  discussedAt: number | null;
  /** When it went to the team. */
  sharedAt: number | null;
  urgent: boolean;
}

/** One page of the log as the options page shows it, with what it needs around it. */
export interface ObservationPage {
  /** At most a page (OBSERVATION_PAGE_SIZE) of the filter's observations, newest first. */
  observations: ObservationView[];
  /** How many of the filter's observations come before this page: it shows start + 1 to start + length. */
  start: number;
  /** How many observations each filter holds (the page's filter included: its total). */
  counts: Record<ObservationFilter, number>;
  locked: boolean;
}
