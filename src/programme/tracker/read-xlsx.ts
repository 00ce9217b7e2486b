import type ExcelJS from 'exceljs';
import type { SheetGrid } from './read-workbook.js';
import { loadOnce } from '../../load-once.js';
import { AUDIT_SHEET } from '../export/audit-sheet.js';
import { HISTORY_SHEET } from '../export/case-history-sheet.js';
import { MENTIONS_SHEET } from '../export/case-mentions-sheet.js';
import { CYCLES_SHEET } from '../export/cycles-sheet.js';
import { GROUPS_SHEET } from '../export/groups-sheet.js';
import { MEASURES_SHEET } from '../export/measures-sheet.js';
import { PEOPLE_SHEET } from '../export/people-sheet.js';
import { PROGRAMME_SHEET } from '../export/programme-sheet.js';
import { PACEBOT_AUTHOR } from '../export/workbook-file.js';

const exceljs = loadOnce(() => import('exceljs'));

// Parts of a sheet a tracker never needs. Skipping them saves time, and they are where exceljs
// is known to trip over files Excel itself opens happily (conditional formats, data validations).
const IGNORED_NODES = [
  'conditionalFormatting',
  'dataValidations',
  'extLst',
  'drawing',
  'picture',
  'headerFooter',
  'pageSetup',
  'printOptions',
  'pageMargins',
  'rowBreaks',
  'sheetProtection',
  'autoFilter',
  'tableParts',
];

// Every .xlsx is a zip file; checking first gives a clear refusal for a renamed .xls or a
// password-protected workbook (which Excel stores in another container) without a parse attempt.
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readXlsx(data: Buffer): Promise<SheetGrid[]> {
  if (!data.subarray(0, 4).equals(ZIP_SIGNATURE)) throw new Error('not a zip container');
  // Loaded on first use: most processes never read a workbook, and exceljs is slow to import.
  const { default: Excel } = await exceljs();
  const workbook = new Excel.Workbook();
  // exceljs declares its own Buffer type, which Node's generic Buffer does not satisfy.
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  const date1904 = Boolean(workbook.properties?.date1904);
  return trackerSheetsOf(workbook).map((sheet) => ({
    name: sheet.name,
    // Sparse, indexed by row number; each row's values are indexed by column number. Merged
    // cells repeat their top-left value, as exceljs gives it.
    rows: sheet.getSheetValues() as (unknown[] | undefined)[],
    date1904,
  }));
}

/** The sheets pacebot's exports hold beside their Tracker: never a tracker, whatever their columns look like. */
const OWN_OTHER_SHEETS = new Set([
  PROGRAMME_SHEET,
  GROUPS_SHEET,
  PEOPLE_SHEET,
  CYCLES_SHEET,
  MEASURES_SHEET,
  AUDIT_SHEET,
  HISTORY_SHEET,
  MENTIONS_SHEET,
]);

/**
 * The sheets that may hold the tracker. In one of pacebot's own exports (an area moving its data,
 * or building on it), every sheet but those pacebot wrote beside the tracker: its Audit sheet has a
 * "case" column and milestone words in its changes, so it was read as a second tracker, offering
 * timestamps as milestones and refusing audit rows (a phone try-out). A Tracker sheet renamed, or a
 * sheet the area added, is still read. Edited in Excel, the export keeps its author.
 */
function trackerSheetsOf(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  if (workbook.creator !== PACEBOT_AUTHOR) return workbook.worksheets;
  return workbook.worksheets.filter((sheet) => !OWN_OTHER_SHEETS.has(sheet.name));
}
