import type { Settings } from '../settings/definitions';

/** Whether `now` (local time) falls inside the working hours: a listed day, from start to end. */
export function withinWorkingHours(hours: Settings['workHours'], now = new Date()): boolean {
  if (!(hours.days as number[]).includes(now.getDay())) return false;
  const minutes = now.getHours() * 60 + now.getMinutes();
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const start = toMinutes(hours.start);
  const end = toMinutes(hours.end);
  // A shift past midnight (22:00-06:00) wraps around.
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}
