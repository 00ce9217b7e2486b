import type { MilestoneDates } from '../../store/schemas/case.js';
import { dateCell, excelDate, ukDate } from './excel-values.js';

export interface TrackerCell {
  value: Date | string | null;
  /** Shown as planned (grey italics): the cell holds a plan, not a date that happened. */
  planned: boolean;
  note?: string;
}

/**
 * One milestone of one case as a tracker cell. The tracker's importer reads a date after today as
 * planned and any other date as actual, so a plan still ahead is written as a plain date in the
 * milestone's column (it reads back as the same plan) and only marked, with a note and grey
 * italics. A plan whose day has passed without an actual date is NOT written as a date: read back,
 * it would say the child reached the milestone. Its cell stays empty and the note says the date.
 */
export function trackerCell(dates: MilestoneDates | undefined, today: string): TrackerCell {
  if (dates?.actual) {
    const note = dates.planned ? `Also planned for ${ukDate(dates.planned)}` : undefined;
    return { value: dateCell(dates.actual), planned: false, ...(note ? { note } : {}) };
  }
  const planned = dates?.planned;
  if (!planned) return { value: null, planned: false };
  if (excelDate(planned) && planned > today) {
    return { value: excelDate(planned), planned: true, note: 'Planned: not happened yet' };
  }
  return {
    value: null,
    planned: true,
    note: `Planned for ${ukDate(planned)}; that day has passed and no actual date is recorded`,
  };
}
