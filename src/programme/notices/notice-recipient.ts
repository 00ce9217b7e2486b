import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../store/collections.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { Workspace } from '../../store/schemas/workspace.js';
import type { Recipient } from '../../store/schemas/delivery.js';

/** The platform a workspace's people are reached on, as the weekly reminders find it. */
export async function workspacePlatform(db: Db, programme: Programme): Promise<Recipient['platform']> {
  if (programme.championsChannel?.platform) return programme.championsChannel.platform;
  const workspaces = db.collection<Workspace>(COLLECTIONS.workspaces);
  const workspace = await workspaces.findOne({ _id: programme.workspaceId });
  return workspace?.platform ?? 'web';
}
