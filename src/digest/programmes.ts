import type { Db, WithId } from 'mongodb';
import { COLLECTIONS } from '../store/collections.js';
import type { Programme } from '../store/schemas/programme.js';

/** Every workspace's programme: scheduled work runs across workspaces, one programme each. */
export function allProgrammes(db: Db): Promise<WithId<Programme>[]> {
  return db.collection<Programme>(COLLECTIONS.programmes).find({}).toArray();
}
