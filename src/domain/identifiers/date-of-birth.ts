import { MONTH_NAME, monthOf } from './month-names.js';

/**
 * Dates of birth. A date is only a date of birth when words say so: "DOB 17/04/2014", "born
 * 3.4.15", "date of birth: 3 April 2015", "Jamie b. 3/4/2015". A date right after such a word
 * counts whatever the year; a date a little further away ("17/04/2014 (DOB)", "born on a Tuesday,
 * 3 April 2015") counts when it would make a child's age. A meeting's date ("panel on 17/04/2026")
 * has no such word and is left alone, as is a month alone ("born in March").
 */

// "d/o/b", "d.o.b.", "d o b" and "dob-"/"dob:" all name it; `\b` keeps "Dobson" out.
const CUE = /(?<![a-z])(?:d[./ ]?o[./ ]?b\b\.?|date\s+of\s+birth|birth\s?date|birthday|born)(?![a-z])/gi;
// "b." (as in "Jamie Smith b. 3/4/2015") is also the end of "plan b." or a list's "b.", so it is a
// weak cue: its own token, and only a full date (with a year) straight after it counts.
// Not "plan b.", "option b." or a list's "a. … b." item, and only a child's age of date (below).
const WEAK_CUE = /(?<![\w.])(?<!(?:plan|option|point|step|part|item)\s+)b\.(?=\s*\d)/gi;
/** A list whose items run "a. … b. …": its "b." starts an item, not a birth. */
const LIST_ITEM_A = /(?:^|\s)a\.\s/i;

const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = "'?(\\d{4}|\\d{2})";
/** Between a day and a month name: "3 April", "3rd of April", "3-Apr", "3/Apr". */
const DAY_TO_MONTH = '(?:\\s*[./-]\\s*|\\s*(?:of\\s+)?)';
/** Between a month name and a year: "April 2015", "April, 2015", "Apr-15", "Apr/2015". */
const MONTH_TO_YEAR = '(?:,?\\s+|\\s*[./-]\\s*)';

type DayMonthYear = [number, number, number];
/**
 * Each shape of a date, with the ways to read day, month and year from its groups (the first that
 * is a real date wins, so "04/17/2014" falls back to month first). `near`: may count a little away
 * from its cue; the looser shapes (no year, a two-digit spaced year, bare digits) could be anything
 * unless a cue introduces them. `year`: states a year (a weak cue needs one).
 */
interface Shape {
  source: string;
  read: (m: RegExpExecArray) => DayMonthYear[];
  near: boolean;
  year: boolean;
}
const NO_YEAR = 0;
const SHAPES: Shape[] = [
  // 2014-04-17, 2015/04/03, 2015.04.03: year first, one separator throughout.
  { source: `(\\d{4})([./-])(\\d{1,2})\\2(\\d{1,2})`, read: (m) => [[+m[4]!, +m[3]!, +m[1]!]], near: true, year: true },
  {
    source: `(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})`,
    read: (m) => [[+m[1]!, +m[2]!, +m[3]!], [+m[2]!, +m[1]!, +m[3]!]],
    near: true,
    year: true,
  },
  { source: `(\\d{1,2})\\s(\\d{1,2})\\s(\\d{4})`, read: (m) => [[+m[1]!, +m[2]!, +m[3]!]], near: true, year: true },
  { source: `(\\d{1,2})\\s(\\d{1,2})\\s(\\d{2})`, read: (m) => [[+m[1]!, +m[2]!, +m[3]!]], near: false, year: true },
  {
    source: `${DAY}${DAY_TO_MONTH}(${MONTH_NAME})${MONTH_TO_YEAR}${YEAR}`,
    read: (m) => [[+m[1]!, monthOf(m[2]!), +m[3]!]],
    near: true,
    year: true,
  },
  { source: `(${MONTH_NAME})\\s+${DAY},?\\s+${YEAR}`, read: (m) => [[+m[2]!, monthOf(m[1]!), +m[3]!]], near: true, year: true },
  { source: `(${MONTH_NAME})\\s+(\\d{4})`, read: (m) => [[1, monthOf(m[1]!), +m[2]!]], near: false, year: true },
  // A birthday without its year ("DOB 3rd April") still tells the day a child was born.
  { source: `${DAY}${DAY_TO_MONTH}(${MONTH_NAME})`, read: (m) => [[+m[1]!, monthOf(m[2]!), NO_YEAR]], near: false, year: false },
  // "April 3rd", but not "born in March 3 weeks early": a word after the number makes it a count.
  {
    source: `(${MONTH_NAME})\\s+${DAY}(?!\\s+[a-z])`,
    read: (m) => [[+m[2]!, monthOf(m[1]!), NO_YEAR]],
    near: false,
    year: false,
  },
  // Bare digits: 20150403, 03042015, 030415.
  {
    source: `(\\d{8}|\\d{6})`,
    read: ({ 1: d = '' }) =>
      d.length === 8
        ? [[+d.slice(6), +d.slice(4, 6), +d.slice(0, 4)], [+d.slice(0, 2), +d.slice(2, 4), +d.slice(4)]]
        : [[+d.slice(0, 2), +d.slice(2, 4), +d.slice(4)]],
    near: false,
    year: true,
  },
];
// Not inside a longer number or date ("v1.3/4/2015", "2014-04-17"); a dot or hyphen after a letter
// or a space is allowed, so "dob-03/04/2015", "b.3/4/2015" and "DOB -03/04/2015" read.
const EDGE_BEFORE = '(?<![\\w/]|[\\d./-][.-])';
const EDGE_AFTER = '(?![\\w]|[./-]\\d)';

/** Words allowed between the cue and its date: "DOB: ", "born on ", "date of birth is ", "d.o.b - ". */
const GAP = new RegExp(`^[\\s:=()\\[\\],–—-]*(?:(?:is|was|on|in|of|the)\\s+)*$`, 'i');

/** How far (in characters) a date may be from the cue and still be read as the child's birth. */
const NEAR = 40;
const CHILD_AGE_YEARS = 19;
/** A leap year, so a birthday given as 29 February without its year is still a real day. */
const ANY_LEAP_YEAR = 2000;

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

interface FoundDate {
  start: number;
  end: number;
  date: Date;
  shape: Shape;
}

/** The dates written anywhere in `text`, with where they are. */
function datesIn(text: string, now: Date): FoundDate[] {
  const found: FoundDate[] = [];
  for (const shape of SHAPES) {
    const regex = new RegExp(EDGE_BEFORE + shape.source + EDGE_AFTER, 'gi');
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const date = shape
        .read(m)
        .map(([day, month, year]) => realDate(day, month, shape.year ? fullYear(year, now) : ANY_LEAP_YEAR))
        .find((d) => d !== null);
      if (date) found.push({ start: m.index, end: m.index + m[0].length, date, shape });
    }
  }
  return found;
}

function childAge(date: Date, now: Date): boolean {
  const earliest = new Date(now);
  earliest.setUTCFullYear(now.getUTCFullYear() - CHILD_AGE_YEARS);
  return date >= earliest && date <= now;
}

export function hasDateOfBirth(text: string, now: Date): boolean {
  const cues = [
    ...[...text.matchAll(CUE)].map((m) => ({ start: m.index, end: m.index + m[0].length, weak: false })),
    ...[...text.matchAll(WEAK_CUE)].map((m) => ({ start: m.index, end: m.index + m[0].length, weak: true })),
  ];
  if (cues.length === 0) return false;
  return datesIn(text, now).some((d) =>
    cues.some((cue) => {
      const between = d.start >= cue.end ? text.slice(cue.end, d.start) : null;
      if (cue.weak) {
        if (LIST_ITEM_A.test(text.slice(0, cue.start))) return false;
        // A meeting next month after "b." is no birth: only a date that would make a child's age.
        return d.shape.year && between !== null && /^\s*$/.test(between) && childAge(d.date, now);
      }
      // Introduced: the date follows the word with only filler between them.
      if (between !== null && GAP.test(between)) return true;
      if (!d.shape.near) return false;
      const distance = d.start >= cue.end ? d.start - cue.end : cue.start - d.end;
      return distance >= 0 && distance <= NEAR && childAge(d.date, now);
    }),
  );
}
