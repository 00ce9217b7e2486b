import type * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';
import { ukDates } from '../uk-dates.js';
import type { DateMention } from './date-mention.js';

// Same-length spellings chrono knows, so offsets stay true ("on Weds" is not parsed otherwise).
const RESPELLINGS: [RegExp, string][] = [
  [/\bweds\b/gi, 'wed '],
  [/\ba fortnight\b/gi, '2 weeks    '],
  [/\bfortnight\b/gi, '2 weeks  '],
];

// "for 2 weeks", "within 2 weeks", "2 weeks later", "11 days after" measure from some other
// event, not from today.
const DURATION = /^(?:for|within|after)\b|\b(?:later|after|before|earlier)$/i;

const PART_OF_DAY = /\b(?:morning|afternoon|evening|tonight|lunchtime)\b/i;

function respell(text: string): string {
  return RESPELLINGS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

function weekdayModifier(text: string, after: string): 'last' | 'next' | 'coming' | 'plain' {
  if (/^last\b/i.test(text) || /^\s+(?:past|just gone|gone)\b/i.test(after)) return 'last';
  if (/^next\b/i.test(text)) return 'next';
  if (/^\s+coming\b/i.test(after)) return 'coming';
  return 'plain';
}

function toMention(result: chrono.ParsedResult, text: string): DateMention | null {
  if (DURATION.test(result.text)) return null;
  const start = result.start;
  const span = { start: result.index, end: result.index + result.text.length, text: result.text };
  const iso = (c: chrono.ParsedComponents) =>
    [c.get('year'), c.get('month'), c.get('day')]
      .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
      .join('-');
  if (start.isCertain('day') && start.isCertain('month')) {
    const year = start.isCertain('year') ? (start.get('year') ?? undefined) : undefined;
    return { kind: 'calendar', ...span, day: start.get('day')!, month: start.get('month')!, year };
  }
  if (start.isCertain('weekday')) {
    const sundayZero = start.get('weekday')!;
    const modifier = weekdayModifier(result.text, text.slice(span.end));
    const weekday = sundayZero === 0 ? 7 : sundayZero;
    return { kind: 'weekday', ...span, weekday, modifier, nextIso: iso(start) };
  }
  if (PART_OF_DAY.test(result.text) && /^(?:this|earlier|today|tonight)/i.test(result.text)) {
    return {
      kind: 'calendar',
      ...span,
      day: start.get('day')!,
      month: start.get('month')!,
      year: start.get('year')!,
    };
  }
  // A time alone ("at 10am") says nothing about the day; anything else dateish is too vague.
  const saysSomeDate = ['year', 'month', 'week'].some((c) => result.text.toLowerCase().includes(c));
  if (start.isCertain('year') || start.isCertain('month') || saysSomeDate)
    return { kind: 'vague', ...span };
  return null;
}

/**
 * Dates in words ("yesterday", "last Tuesday", "2 days ago"), read by chrono's UK parser with
 * `today` as the reference. `today` is already the programme's date, and only calendar fields are
 * read back, so the reference is a local-time Date with today's fields at noon: the same answer
 * whatever the server's time zone, with no offset arithmetic across a clock change.
 */
export function findRelativeDates(text: string, today: DateTime): DateMention[] {
  const reference = new Date(today.year, today.month - 1, today.day, 12);
  const respelt = respell(text);
  return ukDates().parse(respelt, reference)
    .map((result) => toMention(result, respelt))
    .filter((m): m is DateMention => m !== null);
}
