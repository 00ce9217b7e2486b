import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import { COLLECTIONS, ensureIndexes, INDEXES } from './collections.js';

interface MigrationRecord {
  _id: string;
  /** A hash of the index specifications this database was last brought up to. */
  hash: string;
  at: Date;
}

/** The hash of the indexes this version of pacebot expects. */
export const INDEX_SPEC_HASH = createHash('sha256').update(JSON.stringify(INDEXES)).digest('hex');

/**
 * Creates the indexes once per version of their specification and records it, so an ordinary
 * start (or several instances starting together) reads one document instead of sending a
 * createIndexes per collection. Two instances that both find the record out of date both run
 * createIndexes, which MongoDB makes idempotent for identical specifications; the record is
 * written after, so a crash half-way simply runs it again next time.
 */
export async function ensureIndexesOnce(db: Db): Promise<'current' | 'created'> {
  const migrations = db.collection<MigrationRecord>(COLLECTIONS.migrations);
  const done = await migrations.findOne({ _id: 'indexes' });
  if (done?.hash === INDEX_SPEC_HASH) return 'current';
  await ensureIndexes(db);
  await migrations.updateOne({ _id: 'indexes' }, { $set: { hash: INDEX_SPEC_HASH, at: new Date() } }, { upsert: true });
  return 'created';
}
