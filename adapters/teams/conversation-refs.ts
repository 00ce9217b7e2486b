import type { ConversationReference } from 'botbuilder';
import type { Db } from 'mongodb';
import type { ConversationKind } from '../../src/conversation/turn.js';
import { COLLECTIONS } from '../../src/store/collections.js';

/** One Teams conversation the bot can post into later (digests, prompts, reminders). */
export interface TeamsConversationRef {
  workspaceId: string;
  platform: 'teams';
  /** The chat or channel id, without a thread suffix; unique per platform. */
  conversationId: string;
  kind: ConversationKind;
  /** The person, for a personal chat. */
  userId?: string;
  /** The team, for a channel: removing the bot from a team forgets all its channels. */
  teamId?: string;
  /** `TurnContext.getConversationReference` of an activity there, incl. serviceUrl and tenant. */
  reference: Partial<ConversationReference>;
  updatedAt: Date;
}

/** Conversation references in `conversation_refs`, unique on (platform, conversationId). */
export function teamsConversationRefs(db: Db) {
  const refs = db.collection<TeamsConversationRef>(COLLECTIONS.conversationRefs);
  return {
    /**
     * Inserts or refreshes (serviceUrl can move between regions, so the newest reference wins).
     * Matching on the workspace too means an activity from another tenant can never take over a
     * stored conversation: it collides with the unique index instead, and is reported as not saved.
     */
    async save(ref: TeamsConversationRef): Promise<boolean> {
      const { platform, conversationId, workspaceId, ...rest } = ref;
      const defined = Object.fromEntries(
        Object.entries(rest).filter(([, value]) => value !== undefined),
      );
      try {
        await refs.updateOne(
          { platform, conversationId, workspaceId },
          { $set: defined },
          { upsert: true },
        );
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    },
    find(workspaceId: string, conversationId: string): Promise<TeamsConversationRef | null> {
      return refs.findOne(
        { platform: 'teams', workspaceId, conversationId },
        { projection: { _id: 0 } },
      );
    },
    /** Forgets a chat, or every channel of a team, after the bot was removed from it. */
    async remove(
      workspaceId: string,
      target: { conversationId: string; teamId?: string },
    ): Promise<void> {
      const scope = target.teamId
        ? { $or: [{ conversationId: target.conversationId }, { teamId: target.teamId }] }
        : { conversationId: target.conversationId };
      await refs.deleteMany({ platform: 'teams', workspaceId, ...scope });
    },
  };
}
export type TeamsConversationRefs = ReturnType<typeof teamsConversationRefs>;
