import type { Db } from 'mongodb';
import { COLLECTIONS } from './collections.js';

interface ProcessedEvent {
  _id: string;
  at: Date;
}

/**
 * Claims one platform delivery once across every instance: the first insert of `<platform>:<key>`
 * wins and a duplicate-key error (11000) means another delivery of the same event already ran.
 * Slack retries an event up to three times with the same `event_id` (platforms.md §1.3); the Bot
 * Connector re-sends an activity with the same id when the answer is slow (§2.2). Claims expire
 * after a week (TTL index in collections.ts), long after any platform stops retrying.
 */
export function createEventClaim(db: Db, platform: 'slack' | 'teams', clock: () => Date = () => new Date()) {
  const processed = db.collection<ProcessedEvent>(COLLECTIONS.processedEvents);
  return async function claim(key: string): Promise<boolean> {
    try {
      await processed.insertOne({ _id: `${platform}:${key}`, at: clock() });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  };
}

export type EventClaim = ReturnType<typeof createEventClaim>;
