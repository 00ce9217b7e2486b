import { basename, extname } from 'node:path';
import type { SheetGrid } from './read-workbook.js';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * UTF-8 with or without a byte-order mark. Excel's plain "CSV" on Windows writes Windows-1252,
 * which is not valid UTF-8 as soon as it holds a £ or an accent, so that is the fallback.
 */
function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/**
 * The delimiter used most outside quotes in the first lines. Excel writes ";" where the decimal
 * point is a comma, so commas may appear in text there, but fewer than the real delimiter.
 */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  const sample = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < sample; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * RFC 4180 fields: quoted fields may hold the delimiter, line breaks and doubled quotes. One record
 * is one spreadsheet row, so row numbers match what Excel shows when it opens the file.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A CSV file as one sheet named after the file, laid out like an exceljs sheet (1-based). */
export function readCsv(data: Buffer, fileName: string): SheetGrid {
  const text = decode(data);
  const records = parseCsv(text, detectDelimiter(text));
  const rows: (string[] | undefined)[] = [undefined];
  for (const record of records) rows.push(['', ...record]);
  return { name: basename(fileName, extname(fileName)), rows, date1904: false };
}
