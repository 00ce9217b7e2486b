import { randomUUID } from 'node:crypto';
import type { Db, UpdateFilter, WithId } from 'mongodb';
import type { Delivery } from '../store/schemas/delivery.js';
import { deliveriesCollection } from './deliveries-collection.js';

export type ClaimedDelivery = WithId<Delivery> & { claim: string };

/** A process whose lease ran out and was taken over must stop writing (and sending) at once. */
export class LostClaimError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`delivery ${idempotencyKey} was claimed by another process`);
  }
}

const claimFields = (owner: string, now: Date, leaseMs: number) => ({
  status: 'sending' as const,
  claim: randomUUID(),
  claimedBy: owner,
  leaseUntil: new Date(now.getTime() + leaseMs),
  updatedAt: now,
});

/** Takes the oldest due pending delivery for this process: pending → sending, atomically. */
export async function claimNextDelivery(
  db: Db,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<ClaimedDelivery | null> {
  const found = await deliveriesCollection(db).findOneAndUpdate(
    { status: 'pending', nextAttemptAt: { $lte: now } },
    { $set: claimFields(owner, now, leaseMs) },
    { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
  );
  return found as ClaimedDelivery | null;
}

/**
 * Takes over a delivery whose sender stopped renewing its lease (it died, or hangs). The new claim
 * token fences the old sender out: its next write finds the token changed and it stops.
 */
export async function claimStaleDelivery(
  db: Db,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<ClaimedDelivery | null> {
  const found = await deliveriesCollection(db).findOneAndUpdate(
    { status: 'sending', leaseUntil: { $lt: now } },
    { $set: claimFields(owner, now, leaseMs) },
    { sort: { leaseUntil: 1 }, returnDocument: 'after' },
  );
  return found as ClaimedDelivery | null;
}

/** Writes to a delivery only while this claim still holds it; throws LostClaimError otherwise. */
export async function updateClaimed(
  db: Db,
  record: ClaimedDelivery,
  update: UpdateFilter<Delivery>,
): Promise<void> {
  const held = { _id: record._id, claim: record.claim, status: 'sending' as const };
  const result = await deliveriesCollection(db).updateOne(held, update);
  if (result.matchedCount !== 1) throw new LostClaimError(record.idempotencyKey);
}
