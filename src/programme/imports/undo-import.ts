import type { AnyBulkWriteOperation, WithId } from 'mongodb';
import type { Case } from '../../store/schemas/case.js';
import type { TrackerImport } from '../../store/schemas/tracker-import.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { auditStampedChanges, stampedBefore } from '../cases/audit-stamped-change.js';
import { ERASED } from '../cases/erase-case-records.js';
import { ignoreDuplicates } from '../../store/ignore-duplicates.js';
import { changeStamp } from '../cases/write-case.js';
import type { ModelContext } from '../model-context.js';
import { APPLY_LEASE_MS, importKey } from './apply-import.js';

/** Writes go in batches, as the import's own did. */
const BATCH = 500;

/** The key every case taken back from import N is stamped with (one audit entry per case). */
export const importUndoKey = (imp: Pick<TrackerImport, 'number'>) => `${importKey(imp)}-undo`;

export interface ImportUndoPreview {
  imp: WithId<TrackerImport>;
  /** Cases still exactly as the import left them: their dates go back to what they were before it. */
  asLeft: number;
  /** Of those, cases the import started: they go back to no dates, and lists leave them out again. */
  started: number;
  /** Cases the import changed that someone has changed since: left as they are. */
  changedSince: string[];
}

/** An applied import by its number, with what taking it back would do; null when there is none to take back. */
export async function previewImportUndo(store: WorkspaceStore, number: number): Promise<ImportUndoPreview | null> {
  const imp = await store.imports.findOne({ number, status: { $in: ['applied', 'undoing'] } });
  if (!imp) return null;
  const key = importKey(imp);
  const asLeft = await store.cases.find({ 'lastChange.key': key }, { projection: { caseRef: 1, 'lastChange.version': 1, 'lastChange.before': 1 } }).toArray();
  const left = new Set(asLeft.map((c) => c.caseRef));
  const touched = await store.audit.find({ entity: 'case', changeKey: key }, { projection: { entityId: 1 } }).toArray();
  // An erased child's entries say [erased]: nothing to name or leave, so not counted.
  const changedSince = [...new Set(touched.map((e) => e.entityId).filter((ref) => !left.has(ref) && ref !== ERASED))].sort();
  // Started by the import: it replaced no dates (a case already holding dates at version 0 was not).
  const started = asLeft.filter((c) => c.lastChange && stampedBefore(c.lastChange) === null).length;
  return { imp, asLeft: asLeft.length, started, changedSince };
}

/**
 * Takes an applied import to undo, or one left `undoing` by a stopped process whose lease ran out:
 * of two clicks, or two instances, exactly one gets it.
 */
export async function claimImportUndo(ctx: Pick<ModelContext, 'store' | 'now' | 'actor'>, number: number): Promise<WithId<TrackerImport> | null> {
  const lease = { status: 'undoing' as const, leaseUntil: new Date(ctx.now.getTime() + APPLY_LEASE_MS) };
  const fresh = await ctx.store.imports.findOneAndUpdate({ number, status: 'applied' }, { $set: { ...lease, undoneBy: ctx.actor() } });
  if (fresh) return fresh;
  return ctx.store.imports.findOneAndUpdate({ number, status: 'undoing', leaseUntil: { $lt: ctx.now } }, { $set: lease });
}

/**
 * Takes a claimed import back: every case still exactly as the import left it gets the dates it had
 * before (a case the import started gets none), each as an audited undo of the import's change, so
 * `case X history` shows both and `case X undo` steps past them. Cases changed since are left: their
 * newer dates are someone's work. Each case is written conditionally and stamped in the same write,
 * so running this again after a crash (the start-up sweep, or `import undo` again) takes back only
 * what is left, and the audit keeps one entry per case.
 */
export async function undoImport(ctx: ModelContext, imp: WithId<TrackerImport>): Promise<{ reverted: number }> {
  const key = importKey(imp);
  const undoKey = importUndoKey(imp);
  const source = { platform: ctx.source().platform, eventId: undoKey };
  let reverted = 0;
  for (;;) {
    const held = await ctx.store.cases.find({ 'lastChange.key': key }, { limit: BATCH }).toArray();
    if (held.length === 0) break;
    // The import's own entries first: the undo names them, and its stamp replaces theirs.
    await auditStampedChanges(ctx.store, held);
    const entries = await ctx.store.audit
      .find({ entity: 'case', changeKey: key, entityId: { $in: held.map((c) => c.caseRef) } }, { projection: { entityId: 1 } })
      .toArray();
    const entryOf = new Map(entries.map((e) => [e.entityId, e._id.toHexString()]));
    const ops: AnyBulkWriteOperation<Case>[] = held.map((current) => {
      const lastChange = { ...changeStamp(ctx, { key: undoKey, source }, 'undo', current), undoes: entryOf.get(current.caseRef)! };
      const milestones = current.lastChange!.before ?? {};
      return {
        updateOne: {
          filter: { workspaceId: ctx.store.workspaceId, caseRef: current.caseRef, version: current.version, 'lastChange.key': key },
          update: { $set: { milestones, lastChange, updatedAt: ctx.now }, $inc: { version: 1 } },
        },
      };
    });
    const result = await ctx.store.cases.raw.bulkWrite(ops, { ordered: false });
    reverted += result.modifiedCount;
    const written = await ctx.store.cases.find({ 'lastChange.key': undoKey, 'lastChange.pendingAudit': true }).toArray();
    await auditStampedChanges(ctx.store, written);
    // A case that missed was changed by someone meanwhile and no longer carries the import's stamp;
    // a pass that wrote nothing at all would only find the same cases again.
    if (result.modifiedCount === 0) break;
  }
  // The import's own entry for taking it back, keyed so the button and the sweep write it once;
  // before the status, so a crash in between leaves the undo to be finished, entry and all.
  const undone = await ctx.store.cases.countDocuments({ 'lastChange.key': undoKey });
  await ctx.store.audit.raw
    .insertOne({
      workspaceId: ctx.store.workspaceId,
      at: ctx.now,
      actor: ctx.actor(),
      entity: 'programme',
      entityId: key,
      action: 'import_undo',
      before: null,
      after: { casesReverted: undone },
      source: { platform: ctx.source().platform, eventId: undoKey, file: imp.fileName },
      changeKey: undoKey,
    })
    .catch(ignoreDuplicates);
  await ctx.store.imports.updateOne(
    { _id: imp._id },
    { $set: { status: 'undone', undoneAt: ctx.now }, $unset: { leaseUntil: '' } },
  );
  return { reverted };
}
