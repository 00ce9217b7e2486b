import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../store/collections.js';
import type { TrackerImport } from '../../store/schemas/tracker-import.js';
import { workspaceStore } from '../../store/workspace-store.js';
import type { ModelContext } from '../model-context.js';
import { applyImport, claimImport } from './apply-import.js';

/**
 * Finishes imports a stopped process left `applying` once their lease ran out: the repair half of
 * "every multi-write change is atomic or repaired". Each is claimed first, so of several instances
 * one finishes it, and applying again adds only what the crash left out. Returns how many.
 */
export async function finishStoppedImports(db: Db, now: Date): Promise<number> {
  const stopped = await db
    .collection<TrackerImport>(COLLECTIONS.imports)
    .find({ status: 'applying', leaseUntil: { $lt: now } }, { projection: { _id: 1, workspaceId: 1 } })
    .limit(20)
    .toArray();
  let finished = 0;
  for (const { _id, workspaceId } of stopped) {
    const store = workspaceStore(db, workspaceId);
    const claimed = await claimImport({ store, now }, _id.toHexString());
    if (!claimed) continue;
    const ctx: ModelContext = {
      store,
      now,
      programme: await store.programmes.findOne({}),
      actor: () => claimed.actor,
      source: () => ({ platform: 'import', eventId: `import-${claimed.number}` }),
    };
    await applyImport(ctx, claimed);
    finished += 1;
  }
  return finished;
}
