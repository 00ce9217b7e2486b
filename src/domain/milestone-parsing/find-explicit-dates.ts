import { type CalendarMention, overlaps } from './date-mention.js';

/**
 * Dates written with digits, found by us rather than chrono: chrono silently drops an impossible
 * date such as 31/02/2026 (or rolls it over), and we must refuse it as invalid instead. Numbers
 * are kept as written; `resolve-date.ts` validates them.
 */

const MONTHS = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
];
const MONTH = `(${MONTHS.join('|')})\\.?(?![a-z])`;
const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+(\\d{4})(?!\\d))?';

interface Shape {
  regex: RegExp;
  read: (m: RegExpMatchArray) => { day: string; month?: string; year?: string };
}

function monthNumber(name: string): string {
  const lower = name.toLowerCase();
  return String(MONTHS.findIndex((p) => new RegExp(`^${p}\\.?$`).test(lower)) + 1);
}

// Earlier shapes win where two overlap ("3 Oct 14 Nov" is two day-month dates, not "Oct 14").
const SHAPES: Shape[] = [
  {
    regex: /(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d|[/.-]\d)/g,
    read: (m) => ({ year: m[1]!, month: m[2]!, day: m[3]! }),
  },
  {
    // Day/month with an optional year; with dots or dashes the year is required, so that "2.5"
    // or "3-4 weeks" are not read as dates.
    regex: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?!\d|[/.-]\d)/g,
    read: (m) => ({ day: m[1]!, month: m[3]!, year: m[4] }),
  },
  {
    regex: new RegExp(`(?<![\\w])(\\d{1,2})${ORDINAL}\\s*(?:of\\s+)?${MONTH}${YEAR}`, 'gi'),
    read: (m) => ({ day: m[1]!, month: monthNumber(m[2]!), year: m[3] }),
  },
  {
    regex: new RegExp(`(?<![\\w])${MONTH}\\s+(?:the\\s+)?(\\d{1,2})${ORDINAL}(?!\\w)${YEAR}`, 'gi'),
    read: (m) => ({ day: m[2]!, month: monthNumber(m[1]!), year: m[3] }),
  },
  {
    // "on the 3rd", "held 14th": a day of the month alone, but not "the 2nd review" (milestone
    // phrases are masked as #) nor "the 3rd time".
    regex:
      /(?<![\w])(?:(?:on\s+)?the\s+|on\s+)?(\d{1,2})(?:st|nd|rd|th)(?!\w)(?!\s*#)(?!\s+(?:time|one|attempt|child|case|week|month|day|year))/gi,
    read: (m) => ({ day: m[1]! }),
  },
];

function fullYear(digits: string, todayYear: number): number {
  if (digits.length === 4) return Number(digits);
  const year = 2000 + Number(digits);
  // A two-digit year far in the future is a past century ("04" in 2026 is 2004, "99" is 1999).
  return year > todayYear + 10 ? year - 100 : year;
}

/** Finds dates written with digits in `text`, each span once, in order of appearance. */
export function findExplicitDates(text: string, todayYear: number): CalendarMention[] {
  const found: CalendarMention[] = [];
  for (const shape of SHAPES) {
    for (const m of text.matchAll(shape.regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => overlaps(f, { start, end }))) continue;
      const { day, month, year } = shape.read(m);
      found.push({
        kind: 'calendar',
        start,
        end,
        // The date as typed, without the "on the" before an ordinal.
        text: m[0].replace(/^(?:on\s+)?(?:the\s+)?/i, ''),
        day: Number(day),
        month: month === undefined ? undefined : Number(month),
        year: year === undefined ? undefined : fullYear(year, todayYear),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
