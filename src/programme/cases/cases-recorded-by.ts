import type { WorkspaceStore } from '../../store/workspace-store.js';

/** The audit entry an undo took back (undo entries name it in `after.undoes`). */
export const undoneBy = (after: unknown) => (after as { undoes?: unknown } | null)?.undoes;

/**
 * The cases a person recorded a date for that has not been undone. Imports they ran are not theirs:
 * an admin who loads a tracker does data support, not the child's work, so counting imports would
 * have lists, hand-overs and reminders chase the wrong person.
 */
export async function casesRecordedBy(store: Pick<WorkspaceStore, 'audit'>, userId: string): Promise<string[]> {
  const mine = await store.audit
    .find({ entity: 'case', action: 'record', 'actor.userId': userId }, { projection: { entityId: 1 } })
    .toArray();
  if (mine.length === 0) return [];
  const ids = mine.map((e) => e._id!.toHexString());
  const undos = await store.audit
    .find({ entity: 'case', action: 'undo', 'after.undoes': { $in: ids } }, { projection: { after: 1 } })
    .toArray();
  const undone = new Set(undos.map((e) => String(undoneBy(e.after))));
  return [...new Set(mine.filter((e) => !undone.has(e._id!.toHexString())).map((e) => e.entityId))];
}
