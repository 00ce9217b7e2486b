import { DateTime } from 'luxon';

/** "Thu 3 Dec 2026, 10:00" in the programme's zone. */
export function describeWhen(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ccc d LLL yyyy, HH:mm');
}

export function describeDay(isoDate: string): string {
  return DateTime.fromISO(isoDate).toFormat('ccc d LLL yyyy');
}
