// The de-identified supervision summary the options page exports: observation
// counts and times beside the prompt counts, two stores read in one place.
import { readCounters } from '../prompt/counters';
import { summarize } from '../observations/store';
import { OBSERVATION_STATUSES } from '../observations/types';

/** The de-identified supervision summary: observation counts and times, and the prompt counts. */
export async function supervisionSummary(now = new Date()) {
  const summary = await summarize();
  const counters = await readCounters();
  const json = JSON.stringify(
    {
      format: 'clearline-supervision-summary',
      version: 1,
      exportedAt: now.toISOString(),
      observations: summary,
      promptCounts: counters,
    },
    null,
    2,
  );
  const rows: string[][] = [['section', 'date', 'item', 'value']];
  for (const status of OBSERVATION_STATUSES)
    rows.push(['observations', '', status, String(summary.byStatus[status])]);
  rows.push(['observations', '', 'urgent', String(summary.urgent)]);
  rows.push([
    'observations',
    '',
    'median_hours_to_discussion',
    summary.medianHoursToDiscussion === null ? '' : String(summary.medianHoursToDiscussion),
  ]);
  for (const [date, day] of Object.entries(counters).sort()) {
    for (const [action, counts] of Object.entries(day)) {
      for (const [name, value] of Object.entries(counts ?? {}))
        rows.push(['prompts', date, `${action}.${name}`, String(value)]);
    }
  }
  const csv = rows.map((r) => r.join(',')).join('\n') + '\n';
  return { summary, csv, json };
}
