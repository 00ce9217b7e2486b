import type { Db } from 'mongodb';
import { COLLECTIONS } from '../store/collections.js';
import type { Member } from '../store/schemas/member.js';
import { WorkspaceSchema, type Workspace } from '../store/schemas/workspace.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import type { Turn } from './turn.js';

/**
 * Finds or creates the workspace and the member behind a turn. The first person to use the bot in a
 * workspace becomes its admin: the workspace document records who arrived first, atomically, so two
 * people starting at once cannot both become admin.
 */
export async function resolveMember(db: Db, store: WorkspaceStore, turn: Turn, now: Date): Promise<Member> {
  // Known members are the common case: one read, no write. Only a newcomer touches the workspace.
  const existing = await store.members.findOne({ userId: turn.user.id });
  if (existing) {
    if (existing.name !== turn.user.name && turn.user.name) {
      await store.members.updateOne({ userId: turn.user.id }, { $set: { name: turn.user.name } });
      return { ...existing, name: turn.user.name };
    }
    return existing;
  }
  const workspaces = db.collection<Workspace & { firstUserId?: string }>(COLLECTIONS.workspaces);
  const { _id, ...seed } = WorkspaceSchema.parse({ _id: turn.workspaceId, workspaceId: turn.workspaceId, platform: turn.platform, createdAt: now });
  const workspace = await workspaces.findOneAndUpdate(
    { _id },
    { $setOnInsert: { ...seed, firstUserId: turn.user.id } },
    { upsert: true, returnDocument: 'after' },
  );
  const member: Member = {
    workspaceId: turn.workspaceId,
    userId: turn.user.id,
    name: turn.user.name,
    roles: workspace?.firstUserId === turn.user.id ? ['admin'] : [],
    ...(turn.conversation.kind === 'direct' ? { directConversationId: turn.conversation.id } : {}),
    createdAt: now,
  };
  try {
    await store.members.insertOne(member);
  } catch (error) {
    // 11000: a concurrent turn by the same person created it first; use theirs.
    if ((error as { code?: number }).code !== 11000) throw error;
    return (await store.members.findOne({ userId: turn.user.id }))!;
  }
  return member;
}
