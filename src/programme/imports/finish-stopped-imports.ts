import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../store/collections.js';
import type { TrackerImport } from '../../store/schemas/tracker-import.js';
import { workspaceStore } from '../../store/workspace-store.js';
import type { ModelContext } from '../model-context.js';
import { applyImport, claimImport } from './apply-import.js';
import { claimImportUndo, importUndoKey, undoImport } from './undo-import.js';

/**
 * Finishes imports a stopped process left `applying`, or `undoing`, once their lease ran out: the
 * repair half of "every multi-write change is atomic or repaired". Each is claimed first, so of
 * several instances one finishes it, and running it again does only what the crash left out.
 * Returns how many.
 */
export async function finishStoppedImports(db: Db, now: Date): Promise<number> {
  const stopped = await db
    .collection<TrackerImport>(COLLECTIONS.imports)
    .find({ status: { $in: ['applying', 'undoing'] }, leaseUntil: { $lt: now } }, { projection: { _id: 1, workspaceId: 1, number: 1, status: 1, undoneBy: 1, actor: 1 } })
    .limit(20)
    .toArray();
  let finished = 0;
  for (const { _id, workspaceId, number, status, undoneBy, actor } of stopped) {
    const store = workspaceStore(db, workspaceId);
    const undoing = status === 'undoing';
    // The change is the importer's, or (taking it back) the admin's who asked.
    const who = undoing && undoneBy ? undoneBy : actor;
    const ctx: ModelContext = {
      store,
      now,
      programme: await store.programmes.findOne({}),
      actor: () => who,
      source: () => ({ platform: 'import', eventId: undoing ? importUndoKey({ number }) : `import-${number}` }),
    };
    if (undoing) {
      const claimed = await claimImportUndo(ctx, number);
      if (!claimed) continue;
      await undoImport(ctx, claimed);
    } else {
      const claimed = await claimImport({ store, now }, _id.toHexString());
      if (!claimed) continue;
      await applyImport(ctx, claimed);
    }
    finished += 1;
  }
  return finished;
}
