import type ExcelJS from 'exceljs';
import type { Group } from '../../store/schemas/group.js';
import { excelDate, yesNo } from './excel-values.js';
import { addTableSheet, type Column, type Row } from './sheet-style.js';

export const GROUPS_SHEET = 'Aim groups';

const COLUMNS: Column[] = [
  { header: 'Aim group', width: 28 },
  { header: 'Key', width: 24 },
  { header: 'Aim', width: 50 },
  { header: 'Target', width: 28 },
  { header: 'Target date', width: 12, date: true },
  { header: 'Key measure', width: 32 },
  { header: 'Leads', width: 30 },
  { header: 'Members', width: 40 },
  { header: 'Coaches', width: 24 },
  { header: 'Meets every (weeks)', width: 12 },
  { header: 'Archived', width: 10 },
];

/**
 * The aim groups with their aims and people, by name: an area moving its programme elsewhere needs
 * them, and the export held them only as raw changes in its Audit sheet (a try-out). Someone no
 * longer on the programme shows as such, not by a platform id.
 */
export function addGroupsSheet(
  workbook: ExcelJS.Workbook,
  groups: readonly Group[],
  names: { people: ReadonlyMap<string, string>; measures: ReadonlyMap<string, string> },
): void {
  const who = (ids: readonly string[]) =>
    ids.length === 0 ? null : ids.map((id) => names.people.get(id) ?? 'someone no longer on the programme').join(', ');
  const rows = groups.map((g): Row => [
    g.name,
    g.key,
    g.aim?.statement ?? null,
    g.aim?.target ?? null,
    excelDate(g.aim?.targetDate),
    g.aim?.measureKey ? (names.measures.get(g.aim.measureKey) ?? g.aim.measureKey) : null,
    who(g.leads),
    who(g.members),
    who(g.coaches ?? []),
    g.subgroupEveryWeeks ?? null,
    yesNo(g.archived === true),
  ]);
  addTableSheet(workbook, GROUPS_SHEET, COLUMNS, rows);
}
