import { DateTime } from 'luxon';
import type { Direction } from './score-prediction.js';

export interface ParsedPrediction {
  direction: Direction;
  amount: number;
  /** YYYY-MM-DD. */
  by: string;
}

// "falls below 30", "under 30", "at most 30" ↓; "at least 80", "rises above 80", "more than 80" ↑.
// "over" alone is not a direction: "over the next 3 months" is a window.
const DOWN = /\b(?:falls?\s+(?:below|under|to)|drops?\s+(?:below|under|to)|below|under|less\s+than|fewer\s+than|at\s+most|no\s+more\s+than)\s+(\d+(?:\.\d+)?)/i;
const UP = /\b(?:rises?\s+(?:above|over|to)|goes\s+(?:above|over|up\s+to)|above|more\s+than|at\s+least|no\s+fewer\s+than|no\s+less\s+than|reaches?)\s+(\d+(?:\.\d+)?)/i;
const NEXT = /\b(?:over|in|within|during)\s+the\s+next\s+(\d{1,2})\s+(months?|weeks?)\b/i;
const BY_DATE = /\bby\s+(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})\b/i;
const BY_MONTH = /\bby\s+(?:the\s+end\s+of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+(\d{4}))?\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads a checkable prediction out of the words people write in the Plan's prediction: a direction
 * with an amount, and a "by" date or "over the next N months". "By March" means the end of the next
 * March on or after today. Null when any of the three is missing (the form then asks for them).
 */
export function parsePrediction(said: string, today: string): ParsedPrediction | null {
  const down = DOWN.exec(said);
  const up = UP.exec(said);
  // The direction said first wins ("at least 80 % … fewer than 2 late" is about the 80 %).
  const hit = down && (!up || down.index <= up.index) ? down : up;
  if (!hit) return null;
  const by = byDate(said, today);
  if (!by) return null;
  return { direction: hit === down ? 'down' : 'up', amount: Number(hit[1]), by };
}

function byDate(said: string, today: string): string | null {
  const start = DateTime.fromISO(today, { zone: 'utc' });
  const next = NEXT.exec(said);
  if (next) {
    const count = Number(next[1]);
    const unit = next[2]!.toLowerCase().startsWith('month') ? 'months' : 'weeks';
    return start.plus({ [unit]: count }).toISODate();
  }
  const dated = BY_DATE.exec(said);
  if (dated) {
    const text = dated[1]!;
    const day = text.includes('-')
      ? DateTime.fromISO(text, { zone: 'utc' })
      : DateTime.fromFormat(text, text.split('/')[2]!.length === 2 ? 'd/M/yy' : 'd/M/yyyy', { zone: 'utc' });
    return day.isValid ? day.toISODate() : null;
  }
  const month = BY_MONTH.exec(said);
  if (!month) return null;
  const index = MONTHS.indexOf(month[1]!.toLowerCase().slice(0, 3)) + 1;
  let year = month[2] ? Number(month[2]) : start.year;
  if (!month[2] && index < start.month) year += 1;
  return DateTime.fromObject({ year, month: index, day: 1 }, { zone: 'utc' }).endOf('month').toISODate();
}
