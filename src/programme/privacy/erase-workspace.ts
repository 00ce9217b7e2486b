import type { Db } from 'mongodb';
import { COLLECTIONS, type CollectionKey } from '../../store/collections.js';

/**
 * What a workspace's erasure deletes, in this order: everything it holds by `workspaceId`, then its
 * open questions (the erase question among them), then the workspace itself, so an erasure stopped
 * half-way is finished by asking again, by the same admin (the workspace still says who arrived first).
 */
const HELD_BY_WORKSPACE = [
  'cases',
  'audit',
  'pdsa',
  'changeIdeas',
  'measures',
  'dataPoints',
  'prompts',
  'promptResponses',
  'digests',
  'deliveries',
  'imports',
  'notices',
  'webMessages',
  'groups',
  'programmes',
  'members',
  'conversationRefs',
  'pending',
] as const satisfies readonly CollectionKey[];

/**
 * Not deleted, and why: the operator's, not the area's. Typed over every collection, so a new one
 * must be placed before the project compiles.
 */
export const KEPT_ON_WORKSPACE_ERASE: Record<Exclude<CollectionKey, (typeof HELD_BY_WORKSPACE)[number] | 'workspaces' | 'counters'>, string> = {
  processedEvents: 'platform event ids seen, for retries: no workspace data, and gone after a week',
  slackInstallations: "the Slack app's token: removed when the app is uninstalled from the workspace",
  migrations: 'which index versions this database has, for every workspace',
};

export interface ErasedWorkspace {
  /** Documents deleted, by collection. */
  deleted: Record<string, number>;
  /** Whether the store rewrote its files, so nothing deleted is left on disk. */
  compacted: boolean;
}

/**
 * Erases everything pacebot holds for one workspace (a local area leaving the service, or the
 * end of its contract): its cases, audit, tests of change, measures, messages, people and
 * programme, its sequence counters and the workspace record, then compacts the store. Nothing is
 * kept in the workspace, not even an audit entry; the caller logs that it happened, with counts.
 * Every step can run again, so a stopped erasure is finished by running it again.
 */
export async function eraseWorkspace(db: Db, workspaceId: string): Promise<ErasedWorkspace> {
  const deleted: Record<string, number> = {};
  // A turn or a job already under way may still write as a pass goes by (a confirmation, a
  // digest): passes repeat until one finds nothing, so what it wrote goes too.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const found = await deleteOnce(db, workspaceId);
    for (const [key, count] of Object.entries(found)) deleted[key] = (deleted[key] ?? 0) + count;
    if (Object.keys(found).length === 0) break;
  }
  return { deleted, compacted: await compact(db, Object.keys(deleted)) };
}

/** Passes over the workspace's collections at most; the second normally finds nothing. */
const MAX_PASSES = 3;

/** One pass: every collection, the counters, the workspace record; what it deleted, by collection. */
async function deleteOnce(db: Db, workspaceId: string): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const key of HELD_BY_WORKSPACE) {
    const { deletedCount } = await db.collection(COLLECTIONS[key]).deleteMany({ workspaceId });
    if (deletedCount > 0) deleted[key] = deletedCount;
  }
  // Sequence counters are keyed "<workspace>:<name>" (workspace-store.ts nextSequence), and a
  // name never holds ":". Anchored at both ends: a Slack workspace id may be an enterprise's id
  // and another's "<enterprise>:<team>", whose counters ("E1:T2:pdsa") must not go with E1's.
  const prefix = new RegExp(`^${workspaceId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[^:]+$`);
  const counters = await db.collection<{ _id: string }>(COLLECTIONS.counters).deleteMany({ _id: prefix });
  if (counters.deletedCount > 0) deleted.counters = counters.deletedCount;
  const workspace = await db.collection<{ _id: string }>(COLLECTIONS.workspaces).deleteOne({ _id: workspaceId });
  if (workspace.deletedCount > 0) deleted.workspaces = workspace.deletedCount;
  return deleted;
}

/**
 * Asks the store to rewrite each collection that lost documents: the embedded store rewrites its
 * files (once is all of them), MongoDB compacts collection by collection; true only when every
 * request succeeded. A MongoDB that refuses (Atlas without the privilege) leaves it to its engine.
 */
async function compact(db: Db, keys: readonly string[]): Promise<boolean> {
  const names = [...new Set(keys.map((key) => COLLECTIONS[key as CollectionKey]).filter(Boolean))];
  try {
    for (const name of names.length > 0 ? names : [COLLECTIONS.cases]) await db.command({ compact: name });
    return true;
  } catch {
    return false;
  }
}
