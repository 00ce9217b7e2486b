import type { WorkspaceStore } from '../../store/workspace-store.js';

/** Aim group names by key, so sheets show "Permanence milestones" rather than its key. */
export async function groupNames(
  store: Pick<WorkspaceStore, 'groups'>,
): Promise<Map<string, string>> {
  const groups = await store.groups.find({}, { projection: { key: 1, name: 1 } }).toArray();
  return new Map(groups.map((g) => [g.key, g.name]));
}
