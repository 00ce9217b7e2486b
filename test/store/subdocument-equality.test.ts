import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

// MongoDB's query equality compares a sub-document field by field in stored order: { x: 1, y: 2 }
// does not equal { y: 2, x: 1 }. (Update no-op checks are byte-exact too: update-modified.test.ts.)

let testDb: TestDb;
let db: Db;
beforeAll(async () => {
  testDb = await openTestDb('subdocument_equality');
  db = testDb.db;
});
afterAll(() => testDb.drop());

describe('query equality of sub-documents', () => {
  it('compares fields in their stored order, as MongoDB does', async () => {
    const things = db.collection('subdocument_equality');
    await things.insertMany([
      { _id: 1 as never, a: { x: 1, y: 2 } },
      { _id: 2 as never, a: { y: 2, x: 1 } },
      { _id: 3 as never, a: [{ y: 2, x: 1 }] },
    ]);
    const ids = async (filter: object) =>
      (await things.find(filter).sort({ _id: 1 }).toArray()).map((doc) => doc._id);
    expect(await ids({ a: { x: 1, y: 2 } })).toEqual([1]);
    expect(await ids({ a: { $eq: { y: 2, x: 1 } } })).toEqual([2, 3]);
    expect(await ids({ a: { $in: [{ y: 2, x: 1 }] } })).toEqual([2, 3]);
    expect(await ids({ a: { $ne: { x: 1, y: 2 } } })).toEqual([2, 3]);
    expect(await ids({ a: { $nin: [{ y: 2, x: 1 }] } })).toEqual([1]);
    expect(await ids({ a: { $all: [{ y: 2, x: 1 }] } })).toEqual([2, 3]);
    expect(await ids({ a: { $all: [{ x: 1, y: 2 }] } })).toEqual([1]);
    expect(await ids({ a: { $elemMatch: { $eq: { x: 1, y: 2 } } } })).toEqual([]);
    // Numbers inside still compare by value.
    expect(await ids({ a: { x: 1.0, y: 2 } })).toEqual([1]);
  });

  it('answers the same through an index on the field', async () => {
    const things = db.collection('subdocument_equality_indexed');
    await things.createIndex({ a: 1 });
    await things.insertMany([
      { _id: 1 as never, a: { x: 1, y: 2 } },
      { _id: 2 as never, a: { y: 2, x: 1 } },
    ]);
    const ids = async (filter: object) =>
      (await things.find(filter).sort({ _id: 1 }).toArray()).map((doc) => doc._id);
    expect(await ids({ a: { x: 1, y: 2 } })).toEqual([1]);
    expect(await ids({ a: { $in: [{ y: 2, x: 1 }, { z: 1 }] } })).toEqual([2]);
  });
});
