import type ExcelJS from 'exceljs';

/** How every date in an export reads: the UK day first, as the teams write them. */
export const DATE_FORMAT = 'dd/mm/yyyy';

/** A planned date, told apart from a date that happened: grey italics (plus a note on the cell). */
export const PLANNED_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF7F7F7F' } };

const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE7E6E6' },
};

export interface Column {
  header: string;
  /** In characters, as Excel measures column widths. */
  width: number;
  /** Date cells get the date format; other cells keep Excel's default. */
  date?: boolean;
}

export type Row = ExcelJS.CellValue[];

/**
 * One sheet as a plain table: a bold header row that stays in view when scrolling, a filter on
 * every column and set widths. Returns the sheet so a caller can mark single cells afterwards.
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly Row[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
  });
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
  });
  for (const values of rows) {
    const row = sheet.addRow(values);
    columns.forEach((column, i) => {
      // Set per cell, not per column: exceljs shares a column's style object between its cells.
      if (column.date && values[i] instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
    });
  }
  if (columns.length > 0) {
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, rows.length + 1), column: columns.length },
    };
  }
  return sheet;
}
