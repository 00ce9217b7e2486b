import type { ClassifiedColumn } from './classify-columns.js';
import { readCellDate } from './read-cell-date.js';
import type { SheetGrid } from './read-workbook.js';

// Enough rows to judge a column by, few enough that a big tracker costs nothing extra.
const SAMPLE_ROWS = 500;
// Fewer filled cells than this say too little about a column to change how it is read.
const MIN_SAMPLE = 5;

interface Contents {
  filled: number;
  /** Dates, and text shaped like a date even if it is no real day. */
  dateLike: number;
}

function sample(grid: SheetGrid, headerRow: number, index: number): Contents {
  const contents = { filled: 0, dateLike: 0 };
  const last = Math.min(grid.rows.length - 1, headerRow + SAMPLE_ROWS);
  for (let row = headerRow + 1; row <= last; row++) {
    const read = readCellDate(grid.rows[row]?.[index], grid.date1904);
    if (read.kind === 'empty') continue;
    contents.filled++;
    if (read.kind === 'date' || read.kind === 'invalid' || read.kind === 'no_year') {
      contents.dateLike++;
    }
  }
  return contents;
}

/**
 * Looks at what the columns hold (never identifier columns). An ignored column of mostly dates is
 * flagged as a candidate new milestone. A column recognised as a milestone from its header alone
 * but holding mostly other things ("Legal" holding "yes"/"no") is ignored rather than refusing
 * every row; a column the admin mapped is read as mapped, whatever it holds.
 */
export function judgeContents(
  grid: SheetGrid,
  headerRow: number,
  columns: readonly ClassifiedColumn[],
): ClassifiedColumn[] {
  return columns.map((c) => {
    const unmappedMilestone = c.kind === 'milestone' && !c.fromMapping;
    if (c.kind !== 'ignored' && !unmappedMilestone) return c;
    const { filled, dateLike } = sample(grid, headerRow, c.index);
    const mostlyDates = filled > 0 && dateLike * 2 > filled;
    if (c.kind === 'ignored') return mostlyDates ? { ...c, holdsDates: true } : c;
    if (filled >= MIN_SAMPLE && !mostlyDates) {
      const { milestone: _dropped, ...rest } = c;
      return { ...rest, kind: 'ignored' };
    }
    return c;
  });
}
