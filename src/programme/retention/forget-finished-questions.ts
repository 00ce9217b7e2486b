import type { Db, Filter } from 'mongodb';
import { COLLECTIONS } from '../../store/collections.js';
import type { PendingAction } from '../../store/schemas/pending-action.js';

/** How long an answered or expired question is kept, as processed events are (collections.ts). */
export const FINISHED_QUESTION_KEPT_MS = 7 * 24 * 3600 * 1000;

/**
 * Deletes, in every workspace, the questions finished more than a week ago: answered (`done`,
 * `cancelled`) since `closedAt`, or, when no closing date was stamped (questions closed before
 * their expiry by code that does not stamp one, and questions kept before it was stamped), since
 * `expiresAt`; and open ones since they expired. Each holds what the bot understood of a child
 * ("C1156 accommodated 2026-11-03"), and nothing reads one once it is finished: a button on it
 * answers as for an expired question. `applying` ones are never deleted here: the repair sweep
 * (finish-stopped-changes) needs them to finish their change, and closes them when it has.
 *
 * A step of the hourly retention run rather than a TTL index: a TTL index expires on one date
 * field, so it would need a closing date stamped by every code path that closes a question (old
 * questions have none) and a partial filter to spare `applying` ones; this runs on the app's
 * clock, so it is tested as it runs, on the embedded store and on MongoDB alike. Without an index
 * of its own: kept a week at most, the collection stays small enough to scan once an hour.
 */
export async function forgetFinishedQuestions(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - FINISHED_QUESTION_KEPT_MS);
  const filter: Filter<PendingAction> = {
    $or: [
      { status: { $in: ['done', 'cancelled'] }, closedAt: { $lt: before } },
      { status: { $in: ['open', 'done', 'cancelled'] }, closedAt: { $exists: false }, expiresAt: { $lt: before } },
    ],
  };
  const { deletedCount } = await db.collection<PendingAction>(COLLECTIONS.pending).deleteMany(filter);
  return deletedCount;
}
