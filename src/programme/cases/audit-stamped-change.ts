import type { WithId } from 'mongodb';
import { AuditEntrySchema } from '../../store/schemas/audit.js';
import type { Case, CaseChangeStamp } from '../../store/schemas/case.js';
import { ignoreDuplicates } from '../../store/ignore-duplicates.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

/**
 * What a stamped change replaced, as its audit entry keeps it: null only when there was nothing to
 * replace, no case at all or one started by naming its team (case-team.ts: version 0, no dates), so
 * its dates read as the start of the child's journey. Not version 0 alone: the demo and older loads
 * store cases with dates at version 0, and reading those as "no case" made an undo of one new date
 * take every date back and the history credit the member with all of them.
 */
export function stampedBefore(stamp: Pick<CaseChangeStamp, 'before' | 'version'>): { milestones: CaseChangeStamp['before']; version: number } | null {
  const replacedNothing = stamp.version === 0 && Object.keys(stamp.before).length === 0;
  return replacedNothing ? null : { milestones: stamp.before, version: stamp.version };
}

/** The audit entry a case's stamp stands for: before from the stamp, after as the case is now. */
function entryOf(store: WorkspaceStore, held: Case) {
  const stamp = held.lastChange!;
  const after: Record<string, unknown> = { milestones: held.milestones, version: held.version };
  if (stamp.undoes) after.undoes = stamp.undoes;
  return AuditEntrySchema.parse({
    workspaceId: store.workspaceId,
    at: stamp.at,
    actor: stamp.actor,
    entity: 'case',
    entityId: held.caseRef,
    action: stamp.action,
    before: stampedBefore(stamp),
    after,
    source: stamp.source,
    changeKey: stamp.key,
  });
}

/**
 * Writes the audit entries of changes whose case still says `pendingAudit`, then clears the flag.
 * Run right after a change, and again by the repair sweep: a crash between the two writes leaves
 * the flag, and a unique index on the change's key keeps one entry per change. Only valid while the case is at the
 * version the change made, which holds because no change replaces a stamp still pending audit.
 */
export async function auditStampedChanges(store: WorkspaceStore, cases: readonly Case[]): Promise<void> {
  const pending = cases.filter((c) => c.lastChange?.pendingAudit);
  if (pending.length === 0) return;
  const entries = pending.map((c) => entryOf(store, c));
  await store.audit.raw.insertMany(entries, { ordered: false }).catch(ignoreDuplicates);
  await store.cases.raw.bulkWrite(
    pending.map((c) => ({
      updateOne: {
        filter: { workspaceId: store.workspaceId, caseRef: c.caseRef, 'lastChange.key': c.lastChange!.key },
        update: { $unset: { 'lastChange.pendingAudit': '' } },
      },
    })),
    { ordered: false },
  );
}

/** The sweep: every case of the workspace whose last change still waits for its audit entry. */
export async function auditAllPending(store: WorkspaceStore): Promise<number> {
  const waiting: WithId<Case>[] = await store.cases.find({ 'lastChange.pendingAudit': true }).toArray();
  await auditStampedChanges(store, waiting);
  return waiting.length;
}
