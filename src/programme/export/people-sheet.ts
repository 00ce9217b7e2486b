import type ExcelJS from 'exceljs';
import type { Group } from '../../store/schemas/group.js';
import type { Member } from '../../store/schemas/member.js';
import { groupPlaces } from '../people/group-places.js';
import { addTableSheet, type Column, type Row } from './sheet-style.js';

export const PEOPLE_SHEET = 'People';

const COLUMNS: Column[] = [
  { header: 'Name', width: 28 },
  { header: 'Programme roles', width: 20 },
  { header: 'Aim groups', width: 50 },
];

/**
 * Who is on the programme and in what role: names and roles only (no platform ids or e-mail
 * addresses), as the area's own list of its champions would be.
 */
export function addPeopleSheet(workbook: ExcelJS.Workbook, members: readonly Member[], groups: readonly Group[]): void {
  const rows = [...members]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m): Row => {
      const inGroups = groupPlaces(groups, m.userId).map(({ group, role }) => `${group.name} (${role})`);
      return [m.name, m.roles.length > 0 ? m.roles.join(', ') : null, inGroups.length > 0 ? inGroups.join('; ') : null];
    });
  addTableSheet(workbook, PEOPLE_SHEET, COLUMNS, rows);
}
