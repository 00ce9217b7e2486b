import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../src/store/collections.js';
import type { WebMessage } from '../../src/store/schemas/web-message.js';

export type { WebMessage };

/** Across workspaces (the notifier is told which); reads and writes always name the workspace. */
export const webMessages = (db: Db) => db.collection<WebMessage>(COLLECTIONS.webMessages);

/** The latest messages of a conversation, oldest first. */
export async function recentMessages(db: Db, workspaceId: string, conversationId: string, limit = 40): Promise<WebMessage[]> {
  const latest = await webMessages(db).find({ workspaceId, conversationId }).sort({ at: -1, _id: -1 }).limit(limit).toArray();
  return latest.reverse();
}
