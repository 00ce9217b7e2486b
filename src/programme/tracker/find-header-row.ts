import { cellText } from './cell-value.js';
import { type ClassifiedColumn, classifyColumns, isTrackerHeader } from './classify-columns.js';
import type { CheckedMapping } from './column-mapping.js';
import type { SheetGrid } from './read-workbook.js';
import { HEADER_SEARCH_ROWS } from './tracker-limits.js';
import type { TrackerSettings } from './tracker-types.js';

export interface HeaderRow {
  row: number;
  columns: ClassifiedColumn[];
}

/**
 * A title merged across the top of the sheet repeats its text in every cell it covers, and a
 * one-cell row is a title or a note: neither is a header, whatever words it holds.
 */
function looksLikeTitle(cells: ReadonlyArray<unknown> | undefined): boolean {
  const texts = new Set<string>();
  let filled = 0;
  for (let c = 1; c < (cells?.length ?? 0); c++) {
    const text = cellText(cells![c]);
    if (!text) continue;
    filled++;
    texts.add(text.toLowerCase());
  }
  return filled < 2 || texts.size < 2;
}

/**
 * The first row near the top of a sheet that has a reference column and a milestone column; rows
 * above it are titles. Null when there is none: the sheet holds no tracker (a notes or lookup
 * sheet) and is skipped.
 */
export function findHeaderRow(
  grid: SheetGrid,
  settings: TrackerSettings,
  mapping: CheckedMapping,
): HeaderRow | null {
  const last = Math.min(grid.rows.length - 1, HEADER_SEARCH_ROWS);
  for (let row = 1; row <= last; row++) {
    const cells = grid.rows[row];
    if (looksLikeTitle(cells)) continue;
    const columns = classifyColumns(grid.name, cells, settings, mapping);
    if (isTrackerHeader(columns)) return { row, columns };
  }
  return null;
}
