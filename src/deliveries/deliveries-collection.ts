import type { Db } from 'mongodb';
import { COLLECTIONS } from '../store/collections.js';
import type { Delivery } from '../store/schemas/delivery.js';

/**
 * All workspaces' deliveries. The sender works across workspaces (one queue for the service), so it
 * uses the collection itself; every record still carries its workspace and is created through
 * `enqueueDelivery`, which validates it.
 */
export function deliveriesCollection(db: Db) {
  return db.collection<Delivery>(COLLECTIONS.deliveries);
}
