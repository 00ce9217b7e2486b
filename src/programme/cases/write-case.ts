import { ValidationError } from '../../errors.js';
import type { MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../domain/parse-milestone.js';
import type { ModelContext } from '../model-context.js';
import { checkRecords } from './check-records.js';
import { applyRecords, type CaseMilestoneMap } from './record-changes.js';

/** A case as the audit trail keeps it: its milestones and the version they had. */
export interface CaseState {
  milestones: CaseMilestoneMap;
  version: number;
}

export interface CaseWrite {
  caseRef: string;
  before: CaseState | null;
  after: CaseState;
}

const DUPLICATE_KEY = 11000;

/**
 * Stores one case's records in a single conditional write: an update only if the case still has the
 * version just read, or an insert for a new case. If another instance got there first (a changed
 * version, or the same new case inserted), the case is read again, checked again and written once
 * more; a second miss is reported rather than overwriting someone's change.
 */
export async function writeCase(
  ctx: ModelContext,
  caseRef: string,
  records: readonly MilestoneRecord[],
  catalogue: MilestoneCatalogue,
  retry = false,
): Promise<CaseWrite> {
  const current = await ctx.store.cases.findOne({ caseRef });
  if (retry) {
    const now = new Map([[caseRef, current?.milestones ?? {}]]);
    const problem = checkRecords(records, now, catalogue);
    if (problem) throw new ValidationError(problem.code, problem.message);
  }
  const milestones = applyRecords(current?.milestones ?? {}, records);
  if (!current) {
    try {
      const doc = { caseRef, milestones, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
      await ctx.store.cases.insertOne(doc);
      return { caseRef, before: null, after: { milestones, version: 1 } };
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY || retry) throw error;
      return writeCase(ctx, caseRef, records, catalogue, true);
    }
  }
  const after = await ctx.store.cases.findOneAndUpdate(
    { caseRef, version: current.version },
    { $set: { milestones, updatedAt: ctx.now }, $inc: { version: 1 } },
  );
  if (after) {
    const before = { milestones: current.milestones, version: current.version };
    return { caseRef, before, after: { milestones: after.milestones, version: after.version } };
  }
  if (retry) {
    throw new ValidationError(
      'edit_conflict',
      `Someone changed ${caseRef} at the same moment, so I stopped rather than overwrite it. ` +
        `Have a look with \`case ${caseRef}\`, then send the date again.`,
    );
  }
  return writeCase(ctx, caseRef, records, catalogue, true);
}
