// Follow-up on observations: after the reminder setting (default 24 hours) an
// observation still to discuss brings one notification; the badge counts them.
import { browser } from '../browser';
import { resolveLocale, translate } from '../i18n';
import { purgeAndCountToDiscuss } from '../observations/store';
import { loadSettings } from '../settings';
import { STORAGE_ITEMS } from '../storage-items';
import { refreshBadge } from './badge';

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
