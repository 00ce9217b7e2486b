import { extname } from 'node:path';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { unreadableFile, unsupportedFileType } from './tracker-errors.js';

/**
 * One sheet's cells as stored: `rows[n][c]` is spreadsheet row n, column c (both 1-based, so the
 * numbers match what the user sees). Cells are exceljs values or CSV strings, not yet unwrapped.
 */
export interface SheetGrid {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>;
  /** Whether bare date serials count from 1904 (old Mac workbooks) rather than 1900. */
  date1904: boolean;
}

export type TrackerFileKind = 'xlsx' | 'csv';

/** The kind of tracker a file name says it is; anything else is refused before reading. */
export function trackerFileKind(fileName: string): TrackerFileKind {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  throw unsupportedFileType(extension);
}

/** Every sheet of a workbook, or the one sheet of a CSV file, named after the file. */
export async function readWorkbook(data: Buffer, fileName: string): Promise<SheetGrid[]> {
  const kind = trackerFileKind(fileName);
  try {
    return kind === 'xlsx' ? await readXlsx(data) : [readCsv(data, fileName)];
  } catch (error) {
    throw unreadableFile(kind, error);
  }
}
