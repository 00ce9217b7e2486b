import { DateTime } from 'luxon';

/**
 * When the digest for a meeting goes out: `workingDaysBefore` working days (Mon–Fri) before the
 * meeting's local date, at `time` local. Computed in the programme's zone so 09:00 is 09:00 in
 * winter and in summer.
 */
export function digestTimeFor(meetingAt: Date, timeZone: string, workingDaysBefore = 2, time = '09:00'): Date {
  let day = DateTime.fromJSDate(meetingAt, { zone: timeZone }).startOf('day');
  let remaining = workingDaysBefore;
  while (remaining > 0) {
    day = day.minus({ days: 1 });
    if (day.weekday <= 5) remaining--;
  }
  const [hour, minute] = time.split(':').map(Number);
  return day.set({ hour, minute }).toJSDate();
}
