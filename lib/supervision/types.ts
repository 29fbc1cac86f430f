// The supervision summary's vocabulary, shared by the background that works it
// out, the messages, and the page that shows it: its figures (docs/supervision.md
// is their schema) and its periods. Figures only: never a client's identity.
import type { AuditScore } from '../audit/types';
import type { ObservationStatus } from '../observations/types';
import type { CounterName, PostReminderCounterName } from '../prompt/counters';
import type { PromptAction } from '../settings/definitions';
import type { SiteId } from '../sites/registry';

export const SUMMARY_FORMAT = 'clearline-supervision-summary';
export const SUMMARY_VERSION = 2;

/** A period of whole local days, both ends included (YYYY-MM-DD). */
export interface SummaryPeriod {
  from: string;
  to: string;
}

export interface SupervisionFigures {
  format: typeof SUMMARY_FORMAT;
  version: typeof SUMMARY_VERSION;
  exportedAt: string;
  period: SummaryPeriod;
  /** The coach's own name as they entered it (optional), and the agency's from its policy. */
  coach: string | null;
  agency: string | null;
  prompts: Record<PromptAction, Record<CounterName, number>>;
  postReminders: Record<PostReminderCounterName, number>;
  observations: {
    /** Observations noted during the period. */
    noted: number;
    /** Of those, where each stands now. */
    byStatus: Record<ObservationStatus, number>;
    urgent: number;
    /** Of those talked through with the client, the median hours from noting to talking. */
    medianHoursToDiscussion: number | null;
    /** Shared with the team without a talk with the client first (risk of harm excepted). */
    sharedBeforeDiscussion: number;
  };
  privacyCheck: {
    /** Now; null platforms were never checked. */
    scores: AuditScore[];
    /** Each change of score during the period, oldest first. */
    trend: { at: string; platform: SiteId; passed: number; total: number }[];
    /** What needs a change first (read as needing one), then what could not be checked. */
    fixFirst: { itemId: string; platform: SiteId; result: 'fail' | 'could-not-check' }[];
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A moment's local calendar day, YYYY-MM-DD (the coach's own time zone). */
export function localDay(at = new Date()): string {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** The last `days` days up to today, today included. */
export function lastDays(days: number, now = new Date()): SummaryPeriod {
  return { from: localDay(new Date(now.getTime() - (days - 1) * DAY_MS)), to: localDay(now) };
}

/** A calendar month (YYYY-MM). */
export function monthPeriod(month: string): SummaryPeriod {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
