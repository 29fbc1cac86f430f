// Follow-up on observations: after the reminder setting (default 24 hours) an
// observation still to discuss brings one notification; the badge counts them.
import { refreshBadge } from '../badge';
import { browser } from '../browser';
import { resolveLocale, translate } from '../i18n';
import { readCounters } from '../prompt/counters';
import { loadSettings } from '../settings';
import { STORAGE_ITEMS } from '../storage-items';
import { OBSERVATION_STATUSES } from './types';
import { purgeAndCountToDiscuss, summarize } from './store';

export const OBSERVATION_NOTIFICATION = 'clearline-observations';

/** Notifies once per oldest waiting observation, when it has waited past the reminder setting. */
export async function checkObservationReminder(now = Date.now()): Promise<boolean> {
  // One read of the store: closed observations past retention go, and the rest are counted
  // (with 20,000 observations each read is a noticeable part of marking one).
  const open = await purgeAndCountToDiscuss(now);
  await refreshBadge(now, open);
  const { values } = await loadSettings();
  if (open.oldestAt === null || now - open.oldestAt < values.observationReminderHours * 3_600_000)
    return false;
  const { observationNotifiedFor } = STORAGE_ITEMS;
  if ((await observationNotifiedFor.getValue()) === open.oldestAt) return true;
  const locale = resolveLocale(values.locale, browser.i18n.getUILanguage());
  await browser.notifications.create(OBSERVATION_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: translate(locale, 'observationReminderTitle'),
    message: translate(locale, 'observationReminderBody', [String(open.count)]),
    priority: open.urgent > 0 ? 2 : 0,
  });
  await observationNotifiedFor.setValue(open.oldestAt);
  return true;
}

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
