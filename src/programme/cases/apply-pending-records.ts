import { z } from 'zod';
import { MilestoneRecordSchema, type MilestoneRecord } from '../../domain/parse-milestone.js';
import { ValidationError } from '../../errors.js';
import type { PendingAction } from '../../store/schemas/pending-action.js';
import type { ModelContext } from '../model-context.js';
import { auditStampedChanges } from './audit-stamped-change.js';
import { changedSinceShown, ShownCasesSchema } from './changed-since-shown.js';
import { checkRecords } from './check-records.js';
import { loadMilestones } from './load-milestones.js';
import { catalogueOf } from './milestone-settings.js';
import type { CaseMilestoneMap } from './record-changes.js';
import { writeCase } from './write-case.js';

/** The kind of question that holds milestone records waiting for Confirm. */
export const RECORDS_KIND = 'milestone.records';

/** How long a Confirm may hold its question while writing; past it, the repair sweep finishes it. */
export const CONFIRM_LEASE_MS = 10_000;

// `shown`: the cases' dates when the card was shown; absent from questions kept before it was.
const RecordsPayload = z.object({ records: z.array(MilestoneRecordSchema).min(1), shown: ShownCasesSchema.optional() });

export interface AppliedRecords {
  written: { caseRef: string; records: MilestoneRecord[]; milestones: CaseMilestoneMap }[];
  /** Why the question was answered without storing anything (the cases changed since), as said. */
  refused?: string;
  /** A race lost on a later case, after earlier ones were stored. */
  stopped?: ValidationError;
}

function byCase(records: readonly MilestoneRecord[]): Map<string, MilestoneRecord[]> {
  const groups = new Map<string, MilestoneRecord[]>();
  for (const r of records) groups.set(r.caseRef, [...(groups.get(r.caseRef) ?? []), r]);
  return groups;
}

/** The key a confirmation's writes and audit entries carry. */
export const confirmKey = (pending: Pick<PendingAction, '_id'>) => `confirm-${pending._id!.toHexString()}`;

/**
 * Stores a claimed question's records: checks them against the cases as they are now, writes each
 * case stamped with the change, writes the audit entries, and only then closes the question. Run
 * again on the same question after a crash, it skips the cases already written and finishes the
 * rest, so nothing is lost, nothing is stored twice, and no question is closed without its change.
 */
export async function applyPendingRecords(ctx: ModelContext, pending: PendingAction): Promise<AppliedRecords> {
  const { records, shown } = RecordsPayload.parse(pending.payload);
  const catalogue = catalogueOf(ctx.programme);
  const key = confirmKey(pending);
  const change = { key, source: pending.source };
  const done = new Set(
    (await ctx.store.cases.find({ caseRef: { $in: records.map((r) => r.caseRef) }, 'lastChange.key': key }).toArray()).map(
      (c) => c.caseRef,
    ),
  );
  const toWrite = records.filter((r) => !done.has(r.caseRef));
  const current = await loadMilestones(ctx, toWrite.map((r) => r.caseRef));
  // Checked again as a fresh sentence would be, and against what the card was judged on.
  const changed = changedSinceShown(toWrite, shown, current, catalogue);
  const problem = checkRecords(toWrite, current, catalogue);
  const close = (status: 'done' | 'cancelled') =>
    ctx.store.pending.updateOne({ _id: pending._id, status: 'applying' }, { $set: { status, closedAt: ctx.now }, $unset: { leaseUntil: '' } });
  if ((changed || problem) && done.size === 0) {
    await close('cancelled');
    // A date out of order is said first: sent again as it stands, it would be refused for that.
    return { written: [], refused: problem ? `The case changed since I asked. ${problem.message}` : changed! };
  }
  const result: AppliedRecords = { written: [] };
  for (const [caseRef, own] of byCase(records)) {
    try {
      const write = await writeCase(ctx, caseRef, own, catalogue, change);
      await auditStampedChanges(ctx.store, [write.written]);
      result.written.push({ caseRef, records: own, milestones: write.after.milestones });
    } catch (error) {
      // A race lost on a later case must not hide that the earlier ones were stored.
      if (!(error instanceof ValidationError) || result.written.length === 0) {
        if (error instanceof ValidationError) await close('cancelled');
        throw error;
      }
      result.stopped = error;
      break;
    }
  }
  await close('done');
  return result;
}
