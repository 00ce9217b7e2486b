import { DateTime } from 'luxon';

/** Notices go out on working days from this local time, like the weekly reminders. */
export const NOTICE_TIME = '09:00';

/**
 * The programme-local date if `now` falls on a working day (Mon–Fri) at or after `time` local, else
 * null: what is due at night or at a weekend waits for the next working morning at the usual time.
 */
export function workingMorningDate(now: Date, timeZone: string, time = NOTICE_TIME): string | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (local.weekday > 5 || local.toFormat('HH:mm') < time) return null;
  return local.toISODate();
}
