import { labelMidSentence, type MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { checkMilestoneOrder } from '../../domain/milestone-order.js';
import { CaseSchema } from '../../store/schemas/case.js';
import type { ImportRow } from '../../store/schemas/tracker-import.js';
import { dayLabel } from '../cases/day-format.js';
import { labelOf } from '../cases/milestone-settings.js';
import {
  type CaseMilestoneMap,
  describeChanges,
  type MilestoneChange,
} from '../cases/record-changes.js';

/** One case the import would change, and how. Unchanged dates are left out. */
export interface CaseImportChange {
  row: number | string;
  caseRef: string;
  changes: MilestoneChange[];
}

export interface ImportPlan {
  cases: CaseImportChange[];
  /** Rows the store refuses although the file alone was fine (e.g. out of order with a held date). */
  refused: { row: number | string; reason: string }[];
  counts: {
    /** Cases the file names that are not held yet. */
    newCases: number;
    /** Dates for milestones the case had no date for. */
    newDates: number;
    /** Dates that replace a different one held (corrections, re-planning, a plan that happened). */
    changedDates: number;
    /** Dates the store already holds exactly so. */
    unchangedDates: number;
  };
}

const storableRef = CaseSchema.shape.caseRef;

/**
 * Why the store cannot take a row that the file alone allowed, or null. The row is the tracker's
 * truth for the milestones it names, so it is checked as merged with what is held: correcting two
 * dates of one case together must not be refused for the order of an old date and a new one.
 * Reasons name the case and dates only, never a cell's text.
 */
function storeProblem(
  row: ImportRow,
  held: CaseMilestoneMap,
  catalogue: MilestoneCatalogue,
): string | null {
  if (!storableRef.safeParse(row.caseRef).success) {
    return 'the case reference is longer than the store keeps or has characters it cannot keep';
  }
  const named = (key: string) => labelMidSentence(labelOf(catalogue, key));
  // Keyed by milestone, and a programme's own milestone may be keyed "constructor".
  const actuals: Record<string, string> = Object.create(null);
  for (const [key, dates] of Object.entries(held)) if (dates.actual) actuals[key] = dates.actual;
  for (const r of row.records) if (!r.planned) actuals[r.milestone] = r.date;
  for (const r of row.records) {
    if (r.planned && actuals[r.milestone]) {
      const reached = dayLabel(actuals[r.milestone]!);
      return `${row.caseRef} already reached ${named(r.milestone)} on ${reached}; the file plans it for ${dayLabel(r.date)}`;
    }
    if (r.planned) continue;
    const found = checkMilestoneOrder(actuals, r.milestone, r.date, catalogue);
    if (found) {
      const { milestone, date, relation } = found.conflict;
      return `${named(r.milestone)} on ${dayLabel(r.date)} is ${relation} ${named(milestone)} held for ${row.caseRef} on ${dayLabel(date)}`;
    }
  }
  return null;
}

/**
 * What importing these rows would do to the cases as they are now. A row is applied whole or not at
 * all; a blank cell never deletes a held date (a tracker that lost a column must not erase history).
 */
export function planImport(
  rows: readonly ImportRow[],
  existing: ReadonlyMap<string, CaseMilestoneMap>,
  catalogue: MilestoneCatalogue,
): ImportPlan {
  const plan: ImportPlan = {
    cases: [],
    refused: [],
    counts: { newCases: 0, newDates: 0, changedDates: 0, unchangedDates: 0 },
  };
  for (const row of rows) {
    const held = existing.get(row.caseRef) ?? {};
    // A date already held exactly so needs no write and must not trip the checks below.
    const changes = describeChanges(row.records, existing);
    const moving = changes.filter((c) => c.kind !== 'unchanged');
    const problem = storeProblem(row, held, catalogue);
    if (problem) {
      plan.refused.push({ row: row.row, reason: problem });
      continue;
    }
    plan.counts.unchangedDates += changes.length - moving.length;
    if (!existing.has(row.caseRef)) plan.counts.newCases += 1;
    for (const change of moving) {
      if (change.kind === 'new') plan.counts.newDates += 1;
      else plan.counts.changedDates += 1;
    }
    if (moving.length > 0) plan.cases.push({ row: row.row, caseRef: row.caseRef, changes: moving });
  }
  return plan;
}
