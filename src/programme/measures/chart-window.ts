import { ValidationError } from '../../errors.js';
import { describePeriod, MONTH_NAME, monthsBefore, parseMonthYear } from './month-words.js';

/** Which months a chart shows (YYYY-MM, inclusive); open ends mean "from the first data" / "to the last". */
export interface ChartWindow {
  since?: string;
  until?: string;
  /** "last 24 months", "since January 2025", "2025", "all data". */
  label: string;
}

export const DEFAULT_WINDOW_MONTHS = 24;

export function lastMonths(today: string, count: number): ChartWindow {
  return {
    since: monthsBefore(today, count - 1),
    until: today.slice(0, 7),
    label: `last ${count} months`,
  };
}

const MONTH_OR_YEAR = `(?:${MONTH_NAME}\\s+\\d{4}|\\d{4}-\\d{1,2}|\\d{1,2}\\/\\d{4}|(?:19|20)\\d{2})`;

const PATTERNS: { pattern: RegExp; read(m: RegExpExecArray, today: string): ChartWindow }[] = [
  {
    pattern: /\b(?:(?:in|over)\s+)?(?:the\s+)?(?:last|past)\s+(\d{1,3})\s+(months?|years?)\b/i,
    read: (m, today) => lastMonths(today, Number(m[1]) * (m[2]!.startsWith('y') ? 12 : 1)),
  },
  {
    pattern: new RegExp(
      `\\bfrom\\s+(${MONTH_OR_YEAR})\\s+(?:to|until|-)\\s+(${MONTH_OR_YEAR})\\b`,
      'i',
    ),
    read: (m) => {
      const until = /^\d{4}$/.test(m[2]!) ? `${m[2]}-12` : parseMonthYear(m[2]!)!;
      return {
        since: month(m[1]!),
        until,
        label: `${describePeriod(month(m[1]!))} to ${describePeriod(until)}`,
      };
    },
  },
  {
    pattern: new RegExp(`\\bsince\\s+(${MONTH_OR_YEAR})\\b`, 'i'),
    read: (m) => ({ since: month(m[1]!), label: `since ${describePeriod(month(m[1]!))}` }),
  },
  {
    pattern: /\b(?:in\s+)?((?:19|20)\d{2})\b/i,
    read: (m) => ({ since: `${m[1]}-01`, until: `${m[1]}-12`, label: m[1]! }),
  },
  { pattern: /\b(?:all(?:\s+(?:time|data))?|everything)\b/i, read: () => ({ label: 'all data' }) },
];

function month(said: string): string {
  const parsed = parseMonthYear(said);
  if (!parsed)
    throw new ValidationError(
      'bad_period',
      `I couldn't read "${said}" as a month, e.g. \`since Jan 2025\`.`,
    );
  return parsed;
}

/** Finds a period phrase in a chart request; returns it and the text without it. */
export function extractWindow(
  text: string,
  today: string,
): { window: ChartWindow | null; rest: string } {
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const window = read(match, today);
    if (window.since && window.until && window.since > window.until) {
      throw new ValidationError(
        'bad_period',
        `The chart period ends before it starts (${window.label}).`,
      );
    }
    return {
      window,
      rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`,
    };
  }
  return { window: null, rest: text };
}

export type ChartView = 'per-child' | 'monthly';

/** "monthly", "by month", "per month" → monthly median; "per child", "each child" → per child. */
export function extractView(text: string): { view: ChartView | null; rest: string } {
  const monthly = /\b(?:monthly(?:\s+median)?|by\s+month|per\s+month)\b/i.exec(text);
  const perChild = /\b(?:per[\s-]child|each\s+child|by\s+child)\b/i.exec(text);
  const match = monthly ?? perChild;
  if (!match) return { view: null, rest: text };
  return {
    view: monthly ? 'monthly' : 'per-child',
    rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`,
  };
}
