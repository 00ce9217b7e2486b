import type ExcelJS from 'exceljs';
import type { Case } from '../../store/schemas/case.js';
import { dateCell } from './excel-values.js';
import type { MilestoneColumn } from './milestone-columns.js';
import { addTableSheet, type Column, PLANNED_FONT, type Row } from './sheet-style.js';

export const CASE_SHEET = 'Case';

const ROUTES: Record<NonNullable<Case['route']>, string> = {
  home: 'home',
  permanence_order: 'permanence order',
  kinship: 'kinship',
  adoption: 'adoption',
  unknown: 'not known',
};

/**
 * The child's milestones in the programme's order, one row per date (a milestone can hold a date
 * that happened and a new plan), and a row with no date for each milestone not reached yet.
 */
export function addCaseSheet(
  workbook: ExcelJS.Workbook,
  caseRef: string,
  held: Case | null,
  milestones: readonly MilestoneColumn[],
  groupName: string | null,
): void {
  const extra = [
    ...(held?.route ? [{ column: { header: 'Route', width: 18 }, value: ROUTES[held.route] }] : []),
    ...(groupName ? [{ column: { header: 'Aim group', width: 28 }, value: groupName }] : []),
  ];
  const columns: Column[] = [
    { header: 'Case ref', width: 14 },
    { header: 'Milestone', width: 30 },
    { header: 'Date', width: 12, date: true },
    { header: 'Actual or planned', width: 18 },
    ...extra.map((e) => e.column),
  ];
  const kinds: ('actual' | 'planned' | null)[] = [];
  const rows: Row[] = [];
  const add = (label: string, date: string | undefined, kind: 'actual' | 'planned' | null) => {
    kinds.push(kind);
    rows.push([caseRef, label, dateCell(date), kind, ...extra.map((e) => e.value)]);
  };
  for (const { key, label } of held ? milestones : []) {
    const dates = held!.milestones[key];
    if (dates?.actual) add(label, dates.actual, 'actual');
    if (dates?.planned) add(label, dates.planned, 'planned');
    if (!dates?.actual && !dates?.planned) add(label, undefined, null);
  }
  const sheet = addTableSheet(workbook, CASE_SHEET, columns, rows);
  kinds.forEach((kind, i) => {
    if (kind === 'planned') sheet.getCell(i + 2, 3).font = PLANNED_FONT;
  });
}
