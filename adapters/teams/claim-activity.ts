import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../src/store/collections.js';

/**
 * Claims a Teams message once across every instance. The Bot Connector re-sends an activity with
 * the same id when the bot's answer is slow (about 15 s, platforms.md §2.2); the first insert of
 * `teams:<conversation>:<activity id>` wins and a duplicate-key error (11000) marks a repeat.
 */
export function createActivityClaim(db: Db) {
  const processed = db.collection<{ _id: string; at: Date }>(COLLECTIONS.processedEvents);
  return async function claim(conversationId: string, activityId: string): Promise<boolean> {
    const inserted = await processed
      .insertOne({ _id: `teams:${conversationId}:${activityId}`, at: new Date() })
      .catch((error: { code?: number }) => {
        if (error.code === 11000) return null;
        throw error;
      });
    return inserted !== null;
  };
}

export type ActivityClaim = ReturnType<typeof createActivityClaim>;
