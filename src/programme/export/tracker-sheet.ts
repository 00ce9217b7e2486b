import type ExcelJS from 'exceljs';
import type { Case } from '../../store/schemas/case.js';
import type { MilestoneColumn } from './milestone-columns.js';
import { addTableSheet, type Column, PLANNED_FONT, type Row } from './sheet-style.js';
import { trackerCell } from './tracker-cell.js';

export const TRACKER_SHEET = 'Tracker';
export const CASE_REF_HEADER = 'Case ref';
export const AIM_GROUP_HEADER = 'Aim group';

export interface TrackerOptions {
  milestones: readonly MilestoneColumn[];
  /** Aim group names by key; a key without a group is shown as it is. */
  groupNames: ReadonlyMap<string, string>;
  /** The programme's local date: plans after it are still ahead. */
  today: string;
}

/**
 * One row per child: the reference, then a date per milestone in the programme's order. The aim
 * group comes after the milestones, where an import of the sheet ignores it, and only when a
 * case has one.
 */
export function addTrackerSheet(
  workbook: ExcelJS.Workbook,
  cases: readonly Case[],
  { milestones, groupNames, today }: TrackerOptions,
): void {
  const withGroup = cases.some((c) => c.groupKey);
  const columns: Column[] = [
    { header: CASE_REF_HEADER, width: 14 },
    ...milestones.map((m) => ({
      header: m.label,
      width: Math.max(12, m.label.length + 2),
      date: true,
    })),
    ...(withGroup ? [{ header: AIM_GROUP_HEADER, width: 28 }] : []),
  ];
  const cells = cases.map((c) => milestones.map((m) => trackerCell(c.milestones[m.key], today)));
  const rows = cases.map((c, i): Row => [
    c.caseRef,
    ...cells[i]!.map((cell) => cell.value),
    ...(withGroup ? [c.groupKey ? (groupNames.get(c.groupKey) ?? c.groupKey) : null] : []),
  ]);
  const sheet = addTableSheet(workbook, TRACKER_SHEET, columns, rows);
  sheet.getCell(1, 1).note = 'Dates in grey italics are planned; each has a note saying so.';
  cells.forEach((row, r) =>
    row.forEach((cell, m) => {
      const target = sheet.getCell(r + 2, m + 2);
      if (cell.planned) target.font = PLANNED_FONT;
      if (cell.note) target.note = cell.note;
    }),
  );
}
