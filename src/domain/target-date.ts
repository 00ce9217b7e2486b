import { DateTime } from 'luxon';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(word: string): number | null {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

/**
 * An aim's target date in the words people use for deadlines, as yyyy-mm-dd: "December 2027" and
 * "end of Dec 2027" mean its last day, "2027" and "end of 2027" the 31st of December, "31 Dec 2027"
 * and "31/12/2027" (UK order) that day, and 2027-12-31 as it is. Null for anything else, or a day
 * that does not exist (31 June is refused, never moved).
 */
export function readTargetDate(said: string): string | null {
  const text = said.trim().replace(/^(?:by|the)\s+/i, '').replace(/^end\s+of\s+/i, '').replace(/[.,]$/, '').trim();
  const valid = (d: DateTime) => (d.isValid ? d.toISODate() : null);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return valid(DateTime.fromObject({ year: +m[1]!, month: +m[2]!, day: +m[3]! }));
  m = /^(\d{4})$/.exec(text);
  if (m) return `${m[1]}-12-31`;
  m = /^([a-z]+)\s+(\d{4})$/i.exec(text);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? valid(DateTime.fromObject({ year: +m[2]!, month }).endOf('month')) : null;
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s+(\d{4})$/i.exec(text);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? valid(DateTime.fromObject({ year: +m[3]!, month, day: +m[1]! })) : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return valid(DateTime.fromObject({ year: +m[3]!, month: +m[2]!, day: +m[1]! }));
  return null;
}

/** "December 2027" for a month's last day, else "31 Mar 2027": how a target date reads back. */
export function targetDateWords(iso: string): string {
  const day = DateTime.fromISO(iso);
  if (!day.isValid) return iso;
  return day.day === day.daysInMonth ? day.setLocale('en-GB').toFormat('LLLL yyyy') : day.setLocale('en-GB').toFormat('d MMM yyyy');
}
