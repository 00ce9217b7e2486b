import type ExcelJS from 'exceljs';
import type { AuditEntry } from '../../store/schemas/audit.js';
import { describeChanges, type Named } from './audit-changes.js';
import { addTableSheet, type Column, type Row } from './sheet-style.js';

export const AUDIT_SHEET = 'Audit';

const COLUMNS: Column[] = [
  { header: 'When', width: 26 },
  { header: 'Who', width: 22 },
  { header: 'Entity', width: 12 },
  { header: 'Entity id', width: 28 },
  { header: 'Action', width: 16 },
  { header: 'What changed', width: 80 },
  { header: 'Source', width: 10 },
];

/**
 * The audit log, oldest first; people by name where `named` knows their chat user id. Of where a change came from only the platform is written: the
 * source's text names every child of the message it came from ("C1042 and C1077"), so it would
 * carry one child's dates into any copy made for another.
 */
export function addAuditSheet(workbook: ExcelJS.Workbook, entries: readonly AuditEntry[], named: Named = () => undefined): void {
  const rows = entries.map(
    (entry): Row => [
      entry.at.toISOString(),
      entry.actor.name,
      entry.entity,
      // A person's entries are theirs by name, as everywhere else in the export.
      named(entry.entityId) ?? entry.entityId,
      entry.action,
      describeChanges(entry.before, entry.after, named) || null,
      entry.source.platform,
    ],
  );
  addTableSheet(workbook, AUDIT_SHEET, COLUMNS, rows);
}
