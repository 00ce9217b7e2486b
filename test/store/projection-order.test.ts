import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('projection_order');
  db = testDb.db;
  await db.collection('things').insertOne({ _id: 1, b: 2, a: 1, c: 3 } as never);
});
afterAll(() => testDb.drop());

// toEqual ignores field order, so these compare the keys themselves: code that prints or hashes a
// document sees the order.
describe('an inclusion projection', () => {
  it('keeps _id first in find, findOneAndUpdate and $project', async () => {
    const things = db.collection('things');
    const found = await things.findOne({}, { projection: { c: 1, a: 1 } });
    expect(Object.keys(found ?? {})).toEqual(['_id', 'a', 'c']);
    const modified = await things.findOneAndUpdate(
      { _id: 1 as never },
      { $set: { d: 4 } },
      { projection: { a: 1 } },
    );
    expect(Object.keys(modified ?? {})).toEqual(['_id', 'a']);
    const [projected] = await things.aggregate([{ $project: { c: 1, a: 1 } }]).toArray();
    expect(Object.keys(projected ?? {})[0]).toBe('_id');
  });
});
