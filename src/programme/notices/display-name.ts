import type { Actor } from '../../store/schemas/common.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

/** A person as colleagues know them now: their member name, else the name the change was made under. */
export async function displayName(store: Pick<WorkspaceStore, 'members'>, actor: Actor | undefined): Promise<string | null> {
  if (!actor) return null;
  const member = await store.members.findOne({ userId: actor.userId }, { projection: { name: 1 } });
  return member?.name || actor.name || null;
}
