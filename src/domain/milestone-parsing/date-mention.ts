/** Where a date was said in the message; `text` is the date as typed (digits and date words only). */
interface Span {
  start: number;
  end: number;
  text: string;
}

/** A day of a month; a missing month or year is inferred from today ("3 Oct", "on the 3rd"). */
export interface CalendarMention extends Span {
  kind: 'calendar';
  day: number;
  month?: number;
  year?: number;
}

/**
 * A day of the week (1 = Monday). `last` is strictly before today, `coming` strictly after, `next`
 * is chrono's reading (`nextIso`), and `plain` ("on Monday") depends on whether it is being planned.
 */
export interface WeekdayMention extends Span {
  kind: 'weekday';
  weekday: number;
  modifier: 'last' | 'next' | 'coming' | 'plain';
  nextIso?: string;
}

/** A time words point to without a day ("last month", "in 2024"): not enough to record. */
export interface VagueMention extends Span {
  kind: 'vague';
}

export type DateMention = CalendarMention | WeekdayMention | VagueMention;

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }) {
  return a.start < b.end && b.start < a.end;
}
