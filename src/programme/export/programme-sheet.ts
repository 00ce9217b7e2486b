import type ExcelJS from 'exceljs';
import { DEFAULT_CASE_REF_PATTERN } from '../../domain/case-reference.js';
import type { Programme } from '../../store/schemas/programme.js';
import { caseRefExampleOf, madeUpExample } from '../cases/case-ref-example.js';
import { DEFAULT_DIGEST } from '../meetings/cadence-of.js';
import { retentionRule } from '../retention/retention-of.js';
import { ukDate } from './excel-values.js';
import { addTableSheet, type Column, type Row } from './sheet-style.js';

export const PROGRAMME_SHEET = 'Programme';

const COLUMNS: Column[] = [
  { header: 'Setting', width: 28 },
  { header: 'Value', width: 70 },
];

/**
 * The programme's own settings in words: its name, meetings, digest timing, retention and the shape
 * of its case references, which an area moving elsewhere sets up again.
 */
export function addProgrammeSheet(workbook: ExcelJS.Workbook, programme: Programme | null | undefined): void {
  const rows: Row[] = [];
  if (programme) {
    const { meeting } = programme;
    const digest = programme.digest ?? DEFAULT_DIGEST;
    const retention = retentionRule(programme);
    rows.push(['Programme', programme.name], ['Time zone', programme.timeZone]);
    rows.push([
      'Champions’ meetings',
      meeting ? `every ${meeting.everyWeeks} weeks from ${ukDate(meeting.anchorDate)} at ${meeting.anchorTime}` : 'not set',
    ]);
    for (const moved of meeting?.overrides ?? []) {
      rows.push(['Meeting moved', moved.to ? `${ukDate(moved.from)} → ${ukDate(moved.to)}` : `${ukDate(moved.from)} skipped`]);
    }
    rows.push(['Digest', `${digest.workingDaysBefore} working days before each meeting, at ${digest.time}`]);
    rows.push([
      'Retention',
      `${retention.monthsAfterOrder} months after the order is granted, or ${retention.monthsInactive} months with no activity`,
    ]);
    rows.push(['Case references', caseReferencesInWords(programme)]);
  }
  addTableSheet(workbook, PROGRAMME_SHEET, COLUMNS, rows);
}

/**
 * The shape of the area's references as an example (made up, never a child's) and, for the default
 * pattern, its rule in words; the regular expression only for a pattern no example fits. A try-out
 * found ^[A-Za-z]{1,3}[-/_.]?\d{3,8}$ in the sheet.
 */
function caseReferencesInWords(programme: Programme): string {
  const like = `like ${caseRefExampleOf(programme)}`;
  if (programme.caseRefPattern === DEFAULT_CASE_REF_PATTERN) {
    return `${like}: one to three letters, then 3 to 8 digits, with - / _ or . between them or not`;
  }
  return programme.caseRefExample || madeUpExample(programme.caseRefPattern) ? like : `matching ${programme.caseRefPattern}`;
}
