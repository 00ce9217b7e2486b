import { type Db, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;
let majorVersion: number;

beforeAll(async () => {
  testDb = await openTestDb('update_sort');
  db = testDb.db;
  const info = await db.admin().command({ buildInfo: 1 });
  majorVersion = Number((info.versionArray as number[])[0]);
});
afterAll(() => testDb.drop());

/**
 * `sort` on updateOne/replaceOne arrived in MongoDB 8.0; 7.0 (what the embedded server announces)
 * refuses the unknown statement field. Each server must behave as the version it reports.
 */
describe('sort on updateOne and replaceOne', () => {
  it('picks the first match in sort order (8.0+) or is refused (7.0)', async () => {
    const things = db.collection('sorted_updates');
    await things.insertMany([
      { _id: 1, k: 'a', n: 1 },
      { _id: 2, k: 'a', n: 3 },
      { _id: 3, k: 'a', n: 2 },
    ] as never[]);
    const updated = await things
      .updateOne({ k: 'a' }, { $set: { picked: true } }, { sort: { n: -1 } })
      .catch((e: unknown) => e);
    const replaced = await things
      .replaceOne({ k: 'a' }, { k: 'a', n: 0, replaced: true }, { sort: { n: 1 } })
      .catch((e: unknown) => e);
    if (majorVersion >= 8) {
      expect(await things.find({}, { sort: { _id: 1 } }).toArray()).toEqual([
        { _id: 1, k: 'a', n: 0, replaced: true },
        { _id: 2, k: 'a', n: 3, picked: true },
        { _id: 3, k: 'a', n: 2 },
      ]);
      return;
    }
    for (const error of [updated, replaced]) {
      expect(error).toBeInstanceOf(MongoServerError);
      expect((error as MongoServerError).code).toBe(40415);
      expect((error as MongoServerError).message).toBe(
        "BSON field 'update.updates.sort' is an unknown field.",
      );
    }
    expect(await things.countDocuments({ $or: [{ picked: true }, { replaced: true }] })).toBe(0);
  });
});
