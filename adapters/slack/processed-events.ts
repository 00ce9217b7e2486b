import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../src/store/collections.js';

interface ProcessedEvent {
  _id: string;
  at: Date;
}

/**
 * Claims a Slack delivery once across every instance: the first insert of `slack:<key>` wins and
 * the duplicate-key error (11000) means another delivery of the same event already ran. Slack
 * retries an event up to three times with the same `event_id` (platforms.md §1.3).
 */
export function createEventClaim(db: Db, clock: () => Date = () => new Date()) {
  const processed = db.collection<ProcessedEvent>(COLLECTIONS.processedEvents);
  return async function claim(key: string): Promise<boolean> {
    try {
      await processed.insertOne({ _id: `slack:${key}`, at: clock() });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  };
}

export type EventClaim = ReturnType<typeof createEventClaim>;
