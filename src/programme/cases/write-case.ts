import { ValidationError } from '../../errors.js';
import type { MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../domain/parse-milestone.js';
import type { Case, CaseChangeStamp } from '../../store/schemas/case.js';
import type { AuditSource } from '../../store/schemas/audit-source.js';
import type { ModelContext } from '../model-context.js';
import { auditStampedChanges, stampedBefore } from './audit-stamped-change.js';
import { keepReferenceShape } from './case-ref-example.js';
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
  /** The case as written, for its audit entry (see audit-stamped-change.ts). */
  written: Case;
}

/** Names one change: written once whatever happens, and audited once under this key. */
export interface CaseChange {
  key: string;
  source: AuditSource;
}

const DUPLICATE_KEY = 11000;

/** What a change stamps on the case in the same write as its dates. */
export function changeStamp(
  ctx: Pick<ModelContext, 'now' | 'actor'>,
  change: CaseChange,
  action: CaseChangeStamp['action'],
  current: Pick<Case, 'milestones' | 'version'> | null,
): CaseChangeStamp {
  return {
    key: change.key,
    action,
    before: current?.milestones ?? {},
    version: current?.version ?? 0,
    at: ctx.now,
    actor: ctx.actor(),
    // The event only: a message's text could name another child (see issue: audit keeps what was
    // understood, which is the stamp's before and the case's after).
    source: { platform: change.source.platform, eventId: change.source.eventId, ...(change.source.file ? { file: change.source.file } : {}), ...(change.source.row !== undefined ? { row: change.source.row } : {}) },
    pendingAudit: true,
  };
}

function asWrite(caseRef: string, written: Case): CaseWrite {
  return { caseRef, before: stampedBefore(written.lastChange!), after: { milestones: written.milestones, version: written.version }, written };
}

/**
 * Stores one case's records in a single conditional write, stamped with the change so its audit
 * entry can always be written (now, or by the repair sweep after a crash): an update only if the
 * case still has the version just read, or an insert for a new case. If another instance got there
 * first, the case is read again, checked again and written once more; a second miss is reported
 * rather than overwriting someone's change. The same change run again writes nothing twice.
 */
export async function writeCase(
  ctx: ModelContext,
  caseRef: string,
  records: readonly MilestoneRecord[],
  catalogue: MilestoneCatalogue,
  change: CaseChange,
  retry = false,
): Promise<CaseWrite> {
  const current = await ctx.store.cases.findOne({ caseRef });
  if (current?.lastChange?.key === change.key) return asWrite(caseRef, current);
  // The change before this one must have its audit entry before its stamp is replaced.
  if (current?.lastChange?.pendingAudit) await auditStampedChanges(ctx.store, [current]);
  if (retry) {
    const now = new Map([[caseRef, current?.milestones ?? {}]]);
    const problem = checkRecords(records, now, catalogue);
    if (problem) throw new ValidationError(problem.code, problem.message);
  }
  const milestones = applyRecords(current?.milestones ?? {}, records);
  const lastChange = changeStamp(ctx, change, 'record', current);
  if (!current) {
    try {
      const doc = { caseRef, milestones, version: 1, lastChange, createdAt: ctx.now, updatedAt: ctx.now };
      await ctx.store.cases.insertOne(doc);
      await keepReferenceShape(ctx, [caseRef]);
      return asWrite(caseRef, { ...doc, workspaceId: ctx.store.workspaceId });
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY || retry) throw error;
      return writeCase(ctx, caseRef, records, catalogue, change, true);
    }
  }
  const after = await ctx.store.cases.findOneAndUpdate(
    { caseRef, version: current.version },
    { $set: { milestones, lastChange, updatedAt: ctx.now }, $inc: { version: 1 } },
  );
  if (after) return asWrite(caseRef, after);
  if (retry) {
    throw new ValidationError(
      'edit_conflict',
      `Someone changed ${caseRef} at the same moment, so I stopped rather than overwrite it. ` +
        `Have a look with \`case ${caseRef}\`, then send the date again.`,
    );
  }
  return writeCase(ctx, caseRef, records, catalogue, change, true);
}
