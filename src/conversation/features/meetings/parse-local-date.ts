import { DateTime } from 'luxon';
import { ukDates } from '../../../domain/uk-dates.js';

/**
 * Reads a date (and optional time) the way UK users write it — "3 Dec 2026 10:00", "14/1", "16 Jan" —
 * as a local calendar date in the programme's zone. Meetings are in the future, so a bare "14 Jan"
 * means the next 14 January; with `nearest`, it means the 14 January closest to today instead (how
 * to tell that "1 Dec", said on 5 December, names a day just gone rather than one a year ahead).
 */
export function parseLocalDate(
  text: string,
  now: Date,
  timeZone: string,
  options: { nearest?: boolean } = {},
): { date: string; time?: string } | null {
  const ref = DateTime.fromJSDate(now, { zone: timeZone });
  const [result] = ukDates().parse(
    text,
    { instant: now, timezone: ref.offset },
    { forwardDate: !options.nearest },
  );
  if (!result) return null;
  const start = result.start;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (!year || !month || !day) return null;
  const date = DateTime.fromObject({ year, month, day }, { zone: timeZone });
  if (!date.isValid) return null;
  const time = start.isCertain('hour')
    ? `${String(start.get('hour')).padStart(2, '0')}:${String(start.get('minute') ?? 0).padStart(2, '0')}`
    : undefined;
  return { date: date.toISODate()!, ...(time ? { time } : {}) };
}
