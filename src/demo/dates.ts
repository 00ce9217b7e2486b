const DAY_MS = 86_400_000;

/**
 * Day arithmetic on YYYY-MM-DD with plain UTC Dates. The generator does thousands of these, and the
 * luxon-based helpers in domain/measures/calendar.ts take most of a millisecond each.
 */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `start` to `end`. */
export function daysFrom(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
}

/** The month `months` before or after the month of `iso`, as YYYY-MM. */
export function addMonths(iso: string, months: number): string {
  const date = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1 + months, 1));
  return date.toISOString().slice(0, 7);
}

/** 1 Monday … 7 Sunday, as luxon and ISO 8601 count. */
export function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
}
