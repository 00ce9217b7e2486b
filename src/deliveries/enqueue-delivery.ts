import type { Db } from 'mongodb';
import {
  DeliverySchema,
  type Delivery,
  type DeliveryKind,
  type Recipient,
} from '../store/schemas/delivery.js';
import type { StoredReply } from '../store/schemas/digest.js';
import { deliveriesCollection } from './deliveries-collection.js';

export interface NewDelivery {
  workspaceId: string;
  kind: DeliveryKind;
  sourceId: string;
  part?: string;
  occurrence: string;
  recipient: Recipient;
  replies?: StoredReply[];
  /** Not before this instant; default now. */
  notBefore?: Date;
}

/** source + recipient + occurrence: the same message to the same place for the same occasion. */
export function idempotencyKey(
  d: Pick<NewDelivery, 'kind' | 'sourceId' | 'part' | 'occurrence' | 'recipient'>,
): string {
  const recipient = `${d.recipient.kind}:${d.recipient.id}`;
  return [d.kind, d.sourceId, d.part ?? '-', recipient, d.occurrence].join('|');
}

/**
 * Records a delivery before anything is sent. Returns false when its idempotency key is already
 * recorded: a retry, or another instance, got there first and owns it.
 */
export async function enqueueDelivery(db: Db, input: NewDelivery, now: Date): Promise<boolean> {
  const { notBefore, ...fields } = input;
  const record: Delivery = DeliverySchema.parse({
    ...fields,
    idempotencyKey: idempotencyKey(input),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: notBefore ?? now,
    sentParts: 0,
    messageIds: [],
    createdAt: now,
    updatedAt: now,
  });
  try {
    await deliveriesCollection(db).insertOne(record);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return false;
    throw error;
  }
}
