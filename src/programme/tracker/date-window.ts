import type { TrackerSettings } from './tracker-types.js';

/** The days a tracker date may fall on: maxYearsBack before today to maxYearsAhead after. */
export interface DateWindow {
  today: string;
  earliest: string;
  latest: string;
  yearsBack: number;
  yearsAhead: number;
}

function shiftYears(iso: string, years: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/** Worked out once per tracker, so each cell is checked with two string comparisons. */
export function dateWindow(settings: TrackerSettings): DateWindow {
  const { today } = settings;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new RangeError(`today must be yyyy-mm-dd, got ${today}`);
  }
  return {
    today,
    earliest: shiftYears(today, -settings.maxYearsBack),
    latest: shiftYears(today, settings.maxYearsAhead),
    yearsBack: settings.maxYearsBack,
    yearsAhead: settings.maxYearsAhead,
  };
}

/** Why a date is implausible, saying `what` the date is (its column, never the cell), or null when it is fine. */
export function implausibility(iso: string, what: string, window: DateWindow): string | null {
  if (iso < window.earliest) return `${what} is more than ${years(window.yearsBack)} ago`;
  if (iso > window.latest) return `${what} is more than ${years(window.yearsAhead)} ahead`;
  return null;
}

function years(n: number): string {
  return n === 1 ? '1 year' : `${n} years`;
}
