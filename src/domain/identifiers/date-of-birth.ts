import { MONTH_NAME, monthOf } from './month-names.js';

/**
 * Dates of birth. A date is only a date of birth when words say so: "DOB 17/04/2014", "born
 * 3.4.15", "date of birth: 3 April 2015". A date right after such a word counts whatever the year;
 * a date a little further away ("17/04/2014 (DOB)", "born on a Tuesday, 3 April 2015") counts when
 * it would make a child's age. A meeting's date ("panel on 17/04/2026") has no such word and is
 * left alone, as are dates that carry no year ("born in March").
 */

const CUE = /(?<![a-z])(?:d\.?o\.?b\b\.?|date\s+of\s+birth|birth\s?date|birthday|born)(?![a-z])/gi;

const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = "'?(\\d{4}|\\d{2})";
/** Each shape of a date with a year, with how to read day, month and year from its groups. */
const DATE_SHAPES: { source: string; read: (m: RegExpExecArray) => [number, number, number] }[] = [
  { source: `(\\d{4})-(\\d{1,2})-(\\d{1,2})`, read: (m) => [+m[3]!, +m[2]!, +m[1]!] },
  { source: `(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})`, read: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { source: `(\\d{1,2})\\s(\\d{1,2})\\s(\\d{4})`, read: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { source: `${DAY}\\s*(?:of\\s+)?(${MONTH_NAME}),?\\s+${YEAR}`, read: (m) => [+m[1]!, monthOf(m[2]!), +m[3]!] },
  { source: `(${MONTH_NAME})\\s+${DAY},?\\s+${YEAR}`, read: (m) => [+m[2]!, monthOf(m[1]!), +m[3]!] },
  // Month and year alone: a date of birth only straight after the word, never by nearness.
  { source: `(${MONTH_NAME})\\s+(\\d{4})`, read: (m) => [1, monthOf(m[1]!), +m[2]!] },
];
const MONTH_YEAR_ONLY = DATE_SHAPES.length - 1;
const EDGE_BEFORE = '(?<![\\w./-])';
const EDGE_AFTER = '(?![\\w]|[./-]\\d)';

/** Words allowed between the cue and its date: "DOB: ", "born on ", "date of birth is ", "d.o.b - ". */
const GAP = `[\\s:=()\\[\\],–—-]*(?:(?:is|was|on|in|of|the)\\s+)*`;

/** How far (in characters) a date may be from the cue and still be read as the child's birth. */
const NEAR = 40;
const CHILD_AGE_YEARS = 19;

function fullYear(year: number, now: Date): number {
  if (year >= 100) return year;
  const century = now.getUTCFullYear() % 100;
  return year <= century ? 2000 + year : 1900 + year;
}

function realDate(day: number, month: number, year: number): Date | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : null;
}

/** The dates written anywhere in `text`, with where they are. */
function datesIn(text: string, now: Date): { start: number; end: number; date: Date; yearOnly: boolean }[] {
  const found: { start: number; end: number; date: Date; yearOnly: boolean }[] = [];
  DATE_SHAPES.forEach((shape, i) => {
    const regex = new RegExp(EDGE_BEFORE + shape.source + EDGE_AFTER, 'gi');
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const [day, month, year] = shape.read(m);
      const date = realDate(day, month, fullYear(year, now));
      if (date) found.push({ start: m.index, end: m.index + m[0].length, date, yearOnly: i === MONTH_YEAR_ONLY });
    }
  });
  return found;
}

function childAge(date: Date, now: Date): boolean {
  const earliest = new Date(now);
  earliest.setUTCFullYear(now.getUTCFullYear() - CHILD_AGE_YEARS);
  return date >= earliest && date <= now;
}

export function hasDateOfBirth(text: string, now: Date): boolean {
  const cues = [...text.matchAll(CUE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (cues.length === 0) return false;
  const gap = new RegExp(`^${GAP}$`, 'i');
  return datesIn(text, now).some((d) =>
    cues.some((cue) => {
      // Introduced: the date follows the word with only filler between them.
      if (d.start >= cue.end && gap.test(text.slice(cue.end, d.start))) return true;
      if (d.yearOnly) return false;
      const distance = d.start >= cue.end ? d.start - cue.end : cue.start - d.end;
      return distance >= 0 && distance <= NEAR && childAge(d.date, now);
    }),
  );
}
