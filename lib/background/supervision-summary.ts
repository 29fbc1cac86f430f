// The supervision summary: what a coach brings to supervision for a period, in
// figures only. How often each prompt was shown and how it was answered, the
// post reminders and their answers, observations by outcome with the time to
// talking with the client, and the privacy check's score, trend and what to fix
// first. Never an identity: no handle, label, note, post address or name of a
// client (the coach's own name and the agency's are the only names). The JSON
// schema is documented in docs/supervision.md.
import { auditView } from '../audit/audit';
import { db } from '../db/connection';
import { OBSERVATION_STATUSES } from '../observations/types';
import {
  COUNTER_NAMES,
  POST_REMINDER_COUNTER_NAMES,
  readCounters,
  readPostReminderCounters,
  today,
  type CounterName,
  type PostReminderCounterName,
} from '../prompt/counters';
import { loadSettings } from '../settings';
import { PROMPT_ACTIONS, type PromptAction } from '../settings/definitions';
import { STORAGE_ITEMS } from '../storage-items';
import {
  SUMMARY_FORMAT,
  SUMMARY_VERSION,
  lastDays,
  type SummaryPeriod,
  type SupervisionFigures,
} from '../supervision/types';

export type { SummaryPeriod, SupervisionFigures } from '../supervision/types';

const inPeriod = (date: string, period: SummaryPeriod) => date >= period.from && date <= period.to;

const zeros = <K extends string>(names: readonly K[]) =>
  Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m =
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

export async function supervisionFigures(
  period: SummaryPeriod,
  now = new Date(),
): Promise<SupervisionFigures> {
  const [counters, reminders, records, audit, settings, coach] = await Promise.all([
    readCounters(),
    readPostReminderCounters(),
    db().then((database) => database.getAll('observations')),
    auditView(now.getTime()),
    loadSettings(),
    STORAGE_ITEMS.coachName.getValue(),
  ]);

  const prompts = Object.fromEntries(
    PROMPT_ACTIONS.map((a) => [a, zeros(COUNTER_NAMES)]),
  ) as SupervisionFigures['prompts'];
  for (const [date, day] of Object.entries(counters)) {
    if (!inPeriod(date, period)) continue;
    for (const action of PROMPT_ACTIONS)
      for (const name of COUNTER_NAMES) prompts[action][name] += day[action]?.[name] ?? 0;
  }
  const postReminders = zeros(POST_REMINDER_COUNTER_NAMES);
  for (const [date, day] of Object.entries(reminders)) {
    if (!inPeriod(date, period)) continue;
    for (const name of POST_REMINDER_COUNTER_NAMES) postReminders[name] += day[name] ?? 0;
  }

  const noted = records.filter((r) => inPeriod(today(new Date(r.createdAt)), period));
  const byStatus = zeros(OBSERVATION_STATUSES);
  for (const r of noted) byStatus[r.status] += 1;
  const hours = noted
    .filter((r) => r.discussedAt !== null)
    .map((r) => ((r.discussedAt as number) - r.createdAt) / 3_600_000);

  const trend = audit.history
    .filter((h) => inPeriod(today(new Date(h.at)), period))
    .reverse() // the view is newest first
    .flatMap((h) =>
      h.scores.map((s) => ({
        at: new Date(h.at).toISOString(),
        platform: s.platform,
        passed: s.passed,
        total: s.total,
      })),
    );
  const fixFirst = [
    ...audit.items.filter((i) => i.result === 'fail'),
    ...audit.items.filter((i) => i.result === 'could-not-check'),
  ].map((i) => ({
    itemId: i.itemId,
    platform: i.platform,
    result: i.result as 'fail' | 'could-not-check',
  }));

  return {
    format: SUMMARY_FORMAT,
    version: SUMMARY_VERSION,
    exportedAt: now.toISOString(),
    period,
    coach: coach?.trim() || null,
    agency: settings.agency.agencyName?.trim() || null,
    prompts,
    postReminders,
    observations: {
      noted: noted.length,
      byStatus,
      urgent: noted.filter((r) => r.urgent).length,
      medianHoursToDiscussion: median(hours),
      sharedBeforeDiscussion: noted.filter(
        (r) =>
          r.sharedAt !== null &&
          !r.urgent &&
          (r.discussedAt === null || r.discussedAt > r.sharedAt),
      ).length,
    },
    privacyCheck: { scores: audit.scores, trend, fixFirst },
  };
}

const ACTION_WORDS: Record<PromptAction, string> = {
  friend: 'Friend requests',
  follow: 'Follows',
  message: 'Messages',
};
const COUNTER_WORDS: Record<CounterName, string> = {
  shown: 'prompt shown',
  cancelled: 'cancelled',
  continued: 'went ahead',
  markedClient: 'marked as a client',
  notClient: 'answered "not a client"',
  blocked: 'stopped by the agency rule',
};
const REMINDER_WORDS: Record<PostReminderCounterName, string> = {
  shown: 'Post reminders: shown',
  closed: 'Post reminders: closed',
  noted: 'Post reminders: noted for follow-up',
  urgent: 'Post reminders: risk of harm',
};

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * One row per measure and period, with readable headers, for an agency that
 * collects the files by hand into its own reporting. Measure ids are stable;
 * the words beside them are for people.
 */
export function supervisionCsv(f: SupervisionFigures): string {
  const rows: (string | number)[][] = [
    ['Measure ID', 'Measure', 'Period start', 'Period end', 'Value'],
  ];
  const add = (id: string, words: string, value: number | null) =>
    rows.push([id, words, f.period.from, f.period.to, value === null ? '' : value]);
  for (const action of PROMPT_ACTIONS)
    for (const name of COUNTER_NAMES)
      add(
        `prompts.${action}.${name}`,
        `${ACTION_WORDS[action]}: ${COUNTER_WORDS[name]}`,
        f.prompts[action][name],
      );
  for (const name of POST_REMINDER_COUNTER_NAMES)
    add(`postReminders.${name}`, REMINDER_WORDS[name], f.postReminders[name]);
  add('observations.noted', 'Observations noted', f.observations.noted);
  for (const status of OBSERVATION_STATUSES)
    add(`observations.${status}`, `Observations now: ${status}`, f.observations.byStatus[status]);
  add('observations.urgent', 'Observations: risk of harm', f.observations.urgent);
  add(
    'observations.medianHoursToDiscussion',
    'Median hours from noting to talking with the client',
    f.observations.medianHoursToDiscussion,
  );
  add(
    'observations.sharedBeforeDiscussion',
    'Shared with the team before talking with the client',
    f.observations.sharedBeforeDiscussion,
  );
  for (const s of f.privacyCheck.scores) {
    add(`privacyCheck.${s.platform}.passed`, `Privacy check (${s.platform}): passed`, s.passed);
    add(`privacyCheck.${s.platform}.total`, `Privacy check (${s.platform}): items`, s.total);
    add(
      `privacyCheck.${s.platform}.failed`,
      `Privacy check (${s.platform}): needs a change`,
      s.failed,
    );
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** The summary for a period as the page shows it, and as the CSV and JSON files it exports. */
export async function supervisionSummary(period?: SummaryPeriod, now = new Date()) {
  const figures = await supervisionFigures(period ?? lastDays(30, now), now);
  return { figures, csv: supervisionCsv(figures), json: JSON.stringify(figures, null, 2) };
}
