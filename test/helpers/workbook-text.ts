import ExcelJS from 'exceljs';
import type { Reply } from '../../src/conversation/turn.js';

export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A sheet's cells as values, row by row from the header, each row as wide as the header. */
export function table(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const width = sheet.getRow(1).cellCount;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => row.getCell(c + 1).value ?? null));
  }
  return rows;
}

export const noteText = (note: ExcelJS.Cell['note']) =>
  typeof note === 'string' ? note : (note?.texts?.map((t) => t.text).join('') ?? '');

/** All a reader of the file could see: sheet names, every cell's value and note, properties. */
export function everything(workbook: ExcelJS.Workbook): string {
  const parts: string[] = [JSON.stringify(workbook.properties ?? {}), workbook.creator ?? ''];
  workbook.eachSheet((sheet) => {
    parts.push(sheet.name);
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        parts.push(JSON.stringify(cell.value ?? null), cell.text ?? '', noteText(cell.note));
      }),
    );
  });
  return parts.join('\n');
}

/** The file a reply list hands over, or a failing assertion. */
export function fileReply(replies: Reply[]): Extract<Reply, { kind: 'file' }> {
  const found = replies.find((r) => r.kind === 'file');
  if (!found || found.kind !== 'file') throw new Error(`expected a file, got: ${replies.map((r) => r.kind).join(', ')}`);
  return found;
}
