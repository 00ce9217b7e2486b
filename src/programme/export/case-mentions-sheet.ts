import type ExcelJS from 'exceljs';
import type { MentionRow } from './case-mentions.js';
import { fitText } from './excel-values.js';
import { addTableSheet, type Column } from './sheet-style.js';

export const MENTIONS_SHEET = 'Mentions';

const COLUMNS: Column[] = [
  { header: 'Collection', width: 16 },
  { header: 'Record', width: 24 },
  { header: 'Field', width: 24 },
  { header: 'Text', width: 80 },
];

/** The other records naming the child: PDSA notes, digests, questions asked. */
export function addMentionsSheet(workbook: ExcelJS.Workbook, rows: readonly MentionRow[]): void {
  addTableSheet(
    workbook,
    MENTIONS_SHEET,
    COLUMNS,
    rows.map((row) => [row.collection, row.record, row.field, fitText(row.text)]),
  );
}
