import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import { ensureIndexesOnce, INDEX_SPEC_HASH } from '../../src/store/index-migration.js';
import { openTestDb } from '../helpers/test-db.js';

describe('indexes are created once per version of their specification', () => {
  const opened = openTestDb('index_migration');
  afterAll(async () => (await opened).drop());

  it('creates them and records it; the next start reads the record; a changed spec runs again', async () => {
    const { db } = await opened;
    expect(await ensureIndexesOnce(db)).toBe('created');
    const names = (await db.collection(COLLECTIONS.cases).indexes()).map((i) => i.name);
    expect(names).toContain('workspace_case_ref');
    expect(await db.collection(COLLECTIONS.migrations).findOne({ _id: 'indexes' as never })).toMatchObject({ hash: INDEX_SPEC_HASH });
    expect(await ensureIndexesOnce(db)).toBe('current');
    // An index lost since (or a new version's spec) is put back when the record does not match.
    await db.collection(COLLECTIONS.cases).dropIndex('workspace_case_ref');
    await db.collection(COLLECTIONS.migrations).updateOne({ _id: 'indexes' as never }, { $set: { hash: 'an older spec' } });
    expect(await ensureIndexesOnce(db)).toBe('created');
    expect((await db.collection(COLLECTIONS.cases).indexes()).map((i) => i.name)).toContain('workspace_case_ref');
  });

  it('two instances starting together both succeed', async () => {
    const { db } = await opened;
    await db.collection(COLLECTIONS.migrations).deleteMany({});
    const results = await Promise.all([ensureIndexesOnce(db), ensureIndexesOnce(db)]);
    expect(results.every((r) => r === 'created' || r === 'current')).toBe(true);
    expect(await ensureIndexesOnce(db)).toBe('current');
  });
});
