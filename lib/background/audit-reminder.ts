// The re-audit reminder: an alarm looks every half hour (CHECK_EVERY_MINUTES);
// once the re-audit interval has passed since the last check, a notification
// (once per due period) and the toolbar badge ask for a new privacy check.
// Observations to discuss take the badge first (badge.ts). The same alarm
// runs the observation reminder and its retention purge (entrypoints/background.ts).
import { browser } from '../browser';
import { translate, resolveLocale } from '../i18n';
import { loadSettings } from '../settings';
import { STORAGE_ITEMS } from '../storage-items';
import { auditView } from '../audit/audit';
import { refreshBadge } from './badge';

/**
 * The half-hourly look for reminders that are due: the re-audit, the observation
 * follow-up, and prompts past their time. Its name stays the one installed copies
 * registered, so an update finds the alarm and never adds a second one.
 */
export const REMINDERS_ALARM = 'audit-reminder';
// Often enough for the observation reminder (hours) as well as the re-audit (days).
const CHECK_EVERY_MINUTES = 30;
export const AUDIT_NOTIFICATION = 'clearline-audit-due';

export async function scheduleAuditReminder(): Promise<void> {
  if (!(await browser.alarms.get(REMINDERS_ALARM))) {
    await browser.alarms.create(REMINDERS_ALARM, {
      delayInMinutes: 1,
      periodInMinutes: CHECK_EVERY_MINUTES,
    });
  }
}

/** Looks whether a re-audit is due; notifies once per due period and keeps the badge in step. */
export async function checkAuditReminder(now = Date.now()): Promise<boolean> {
  const view = await auditView(now);
  await refreshBadge(now);
  if (!view.reauditDue) return false;
  // One notification per "last audit" moment: not on every half-hourly look.
  const notifiedFor = await STORAGE_ITEMS.auditNotifiedFor.getValue();
  const period = view.lastAuditAt ?? 0;
  if (notifiedFor === period) return true;
  const { values } = await loadSettings();
  const locale = resolveLocale(values.locale, browser.i18n.getUILanguage());
  await browser.notifications.create(AUDIT_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: translate(locale, 'auditReminderTitle'),
    message: translate(locale, 'auditReminderBody'),
  });
  await STORAGE_ITEMS.auditNotifiedFor.setValue(period);
  return true;
}
