import { DateTime } from 'luxon';

/** Excel refuses a cell longer than this; longer text is cut with an ellipsis. */
const EXCEL_MAX_CHARS = 32_767;

/**
 * An ISO date (YYYY-MM-DD) as a Date at UTC midnight, which Excel stores as a whole day with no
 * time, whatever the reader's time zone. Null when it is not a real calendar day (an import may
 * have stored one), so the caller can show the text as it is instead of a shifted date.
 */
export function excelDate(iso: string | undefined): Date | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const day = DateTime.fromISO(iso, { zone: 'utc' });
  return day.isValid ? day.toJSDate() : null;
}

/** A stored ISO date as a cell: a real Excel date, else the stored text, else empty. */
export function dateCell(iso: string | undefined): Date | string | null {
  return excelDate(iso) ?? iso ?? null;
}

/** The programme-local day of an instant, as an Excel date (when a stage was recorded, say). */
export function localDayCell(at: Date | undefined, timeZone: string): Date | null {
  if (!at) return null;
  return excelDate(DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? undefined);
}

/** "03/10/2026": a date written inside a sentence or note, as the cells show dates. */
export function ukDate(iso: string): string {
  const day = DateTime.fromISO(iso, { zone: 'utc' });
  return day.isValid ? day.toFormat('dd/LL/yyyy') : iso;
}

/** Text that fits in one cell. */
export function fitText(text: string | undefined, max = EXCEL_MAX_CHARS): string | null {
  if (text === undefined || text === '') return null;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/**
 * A computed number without binary floating-point noise: a median of 55.1 and 55.3 is
 * 55.199999999999996 in JavaScript, which a spreadsheet shows in full (a try-out's Measures sheet).
 * Twelve significant figures keep every real digit of our measures.
 */
export function withoutFloatNoise(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? value : Number(value.toPrecision(12));
}
