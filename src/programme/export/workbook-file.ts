import type ExcelJS from 'exceljs';
import { loadOnce } from '../../load-once.js';

const exceljs = loadOnce(() => import('exceljs'));

/** Every workbook pacebot writes names it as its author, which is how an import knows one of its exports. */
export const PACEBOT_AUTHOR = 'pacebot';

/**
 * A workbook with nothing about the person who asked for it: only the bot as its author. exceljs
 * is loaded on first use, not at start-up: it is a fifth of the import time and most processes
 * never write a workbook (bench/RESULTS.md, start-up).
 */
export async function newWorkbook(now: Date): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await exceljs();
  const workbook = new Excel.Workbook();
  workbook.creator = PACEBOT_AUTHOR;
  workbook.lastModifiedBy = PACEBOT_AUTHOR;
  workbook.created = now;
  workbook.modified = now;
  return workbook;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "pacebot-export-2026-12-06.xlsx"; `today` is the programme's local date. */
export function exportFileName(today: string): string {
  return `pacebot-export-${today}.xlsx`;
}

/** "pacebot-case-C1042-2026-12-06.xlsx". */
export function caseFileName(caseRef: string, today: string): string {
  // A reference may hold / or . (NS/1042), which a file name cannot.
  return `pacebot-case-${caseRef.replace(/[^A-Za-z0-9-]+/g, '-')}-${today}.xlsx`;
}
