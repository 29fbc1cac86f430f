// The reminder shown first when a message to a client falls outside working
// hours: when contact was agreed, and a nudge to wait or use the agreed channel.
import type { MessageKey } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { withClientWords, type Ui } from '../shared/pageWords';

const DAY_KEYS: Record<number, MessageKey> = {
  0: 'daySun',
  1: 'dayMon',
  2: 'dayTue',
  3: 'dayWed',
  4: 'dayThu',
  5: 'dayFri',
  6: 'daySat',
};
/** The week as a work week reads: Monday first. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

function formatTime(ui: Ui, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) return hhmm;
  return new Intl.DateTimeFormat(ui.locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

/** "Mon–Fri, 8:00 AM–6:00 PM" in the page's language; runs of three days or more are shortened. */
export function formatWorkHours(ui: Ui, hours: Settings['workHours']): string {
  const days = new Set<number>(hours.days);
  const runs: number[][] = [];
  for (const day of WEEK) {
    if (!days.has(day)) continue;
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous !== undefined && WEEK.indexOf(previous) === WEEK.indexOf(day) - 1)
      run.push(day);
    else runs.push([day]);
  }
  const dayName = (day: number) => ui.t(DAY_KEYS[day] ?? 'dayMon');
  const dayText = runs
    .map((run) => {
      const first = run[0];
      const last = run[run.length - 1];
      return run.length >= 3 && first !== undefined && last !== undefined
        ? `${dayName(first)}–${dayName(last)}`
        : run.map(dayName).join(', ');
    })
    .join(', ');
  return `${dayText}, ${formatTime(ui, hours.start)}–${formatTime(ui, hours.end)}`;
}

export function AfterHoursNotice({ ui, hours }: { ui: Ui; hours: Settings['workHours'] }) {
  return (
    <>
      <p class="notice-title">{withClientWords(ui, 'promptAfterHoursTitle')}</p>
      <p>
        {hours.days.length > 0
          ? withClientWords(ui, 'promptAfterHours', formatWorkHours(ui, hours))
          : withClientWords(ui, 'promptAfterHoursNoDays')}
      </p>
    </>
  );
}
