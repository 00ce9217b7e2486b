import type ExcelJS from 'exceljs';
import { z } from 'zod';
import type { MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import type { AuditEntry } from '../../store/schemas/audit.js';
import { type MilestoneDates, MilestoneDatesSchema } from '../../store/schemas/case.js';
import { labelOf } from '../cases/milestone-settings.js';
import { ukDate } from './excel-values.js';
import { addTableSheet, type Column, type Row } from './sheet-style.js';

// Not "History": Excel reserves that sheet name (for tracked changes) and refuses a workbook
// using it.
export const HISTORY_SHEET = 'Case history';

const COLUMNS: Column[] = [
  { header: 'When', width: 26 },
  { header: 'Who', width: 22 },
  { header: 'Action', width: 10 },
  { header: 'Milestone', width: 30 },
  { header: 'Before', width: 28 },
  { header: 'After', width: 28 },
];

// Only the milestones are read from an entry's before and after; anything else it holds is not
// this child's dates (an erasure's counts, an undo's pointer) and is left out.
const CaseStateSchema = z.object({ milestones: z.record(z.string(), MilestoneDatesSchema) });

function milestonesOf(state: unknown): Record<string, MilestoneDates> {
  const parsed = CaseStateSchema.safeParse(state);
  return parsed.success ? parsed.data.milestones : {};
}

/** "03/10/2026", "planned 14/10/2026", or both; "—" when nothing was held. */
function datesText(dates: MilestoneDates | undefined): string {
  const parts = [
    ...(dates?.actual ? [ukDate(dates.actual)] : []),
    ...(dates?.planned ? [`planned ${ukDate(dates.planned)}`] : []),
  ];
  return parts.join('; ') || '—';
}

/**
 * The child's own audit trail, oldest first: one row per milestone a change touched, with its
 * dates before and after. Where the change came from is not written: the source's text may name
 * and date other children from the same message.
 */
export function addCaseHistorySheet(
  workbook: ExcelJS.Workbook,
  trail: readonly AuditEntry[],
  catalogue: MilestoneCatalogue,
): void {
  const rows = trail.flatMap((entry): Row[] => {
    const about = [entry.at.toISOString(), entry.actor.name, entry.action];
    const before = milestonesOf(entry.before);
    const after = milestonesOf(entry.after);
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (key) => datesText(before[key]) !== datesText(after[key]),
    );
    if (changed.length === 0) return [[...about, null, null, null]];
    return changed.map((key) => [
      ...about,
      labelOf(catalogue, key),
      datesText(before[key]),
      datesText(after[key]),
    ]);
  });
  addTableSheet(workbook, HISTORY_SHEET, COLUMNS, rows);
}
