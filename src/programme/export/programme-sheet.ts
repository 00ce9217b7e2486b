import type ExcelJS from 'exceljs';
import type { Programme } from '../../store/schemas/programme.js';
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
    rows.push(['Case references', programme.caseRefExample ? `like ${programme.caseRefExample}` : programme.caseRefPattern]);
  }
  addTableSheet(workbook, PROGRAMME_SHEET, COLUMNS, rows);
}
