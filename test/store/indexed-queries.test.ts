import { type Db, type Document, Double, Long, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

// The same documents in an indexed and an unindexed collection must answer every query alike:
// indexes may only make a query faster, never change its answer. Numbers of every BSON type
// compare by value; the store keeps int32s and doubles (number-types.test.ts), so the long and
// the whole-number double are in the queries.

let testDb: TestDb;
let db: Db;
const ids = Array.from({ length: 4 }, () => new ObjectId());

const documents = (): Document[] => [
  { _id: 1, a: 5, b: { c: 'x' }, tags: ['red', 'blue'], owner: ids[0], at: new Date('2025-01-01') },
  {
    _id: 2,
    a: 5,
    b: { c: 'y' },
    tags: ['red'],
    owner: ids[1],
    at: new Date('2025-01-02'),
  },
  { _id: 3, a: 7, b: [{ c: 'x' }, { c: 'z' }], tags: [], owner: ids[0] },
  { _id: 4, a: null, b: { c: null }, tags: 'green', owner: ids[2], at: new Date('2025-01-01') },
  { _id: 5, b: 'scalar', owner: null },
  { _id: 6, a: '5', b: { d: 1 }, tags: [['red']], owner: ids[3], at: new Date('2025-01-03') },
  { _id: 7, a: [5, 9], b: { c: 'x' }, tags: ['blue'], at: new Date('2025-01-02') },
];

const queries: Document[] = [
  { a: 5 },
  { a: 7 },
  { a: new Double(5) },
  { a: Long.fromNumber(7) },
  { a: { $in: [Long.fromNumber(7), new Double(9)] } },
  { a: { $gte: new Double(5.5) } },
  { a: '5' },
  { a: null },
  { a: { $eq: 5 } },
  { a: { $in: [7, 9] } },
  { a: { $in: [5, null] } },
  { a: { $gt: 4 } },
  { 'b.c': 'x' },
  { 'b.c': null },
  { 'b.c': { $in: ['y', 'z'] } },
  { tags: 'red' },
  { tags: ['red'] },
  { tags: { $in: ['green', 'blue'] } },
  { tags: { $size: 0 } },
  { owner: ids[0] },
  { owner: { $in: [ids[1], ids[2]] } },
  { owner: null },
  { at: new Date('2025-01-01') },
  { at: { $in: [new Date('2025-01-02'), new Date('2025-01-03')] } },
  { a: 5, 'b.c': 'x' },
  { a: 5, tags: 'blue', owner: ids[0] },
  { $or: [{ a: 7 }, { tags: 'green' }] },
  { _id: { $in: [3, 1, 99] } },
];

async function idsOf(collection: string, filter: Document): Promise<unknown[]> {
  return (await db.collection(collection).find(filter).sort({ _id: 1 }).toArray()).map(
    (doc) => doc._id,
  );
}

beforeAll(async () => {
  testDb = await openTestDb('indexed_queries');
  db = testDb.db;
  await db.collection('plain').insertMany(documents());
  const indexed = db.collection('indexed');
  await indexed.createIndexes([
    { key: { a: 1 } },
    { key: { 'b.c': 1, at: -1 } },
    { key: { tags: 1 } },
    { key: { owner: 1 }, sparse: true },
  ]);
  await indexed.insertMany(documents());
});
afterAll(() => testDb.drop());

describe('indexed and unindexed collections', () => {
  it('answer every query shape alike', async () => {
    for (const query of queries) {
      const counts = await Promise.all(
        ['indexed', 'plain'].map((name) => db.collection(name).countDocuments(query)),
      );
      expect({ query, count: counts[0] }).toEqual({ query, count: counts[1] });
      expect({ query, ids: await idsOf('indexed', query) }).toEqual({
        query,
        ids: await idsOf('plain', query),
      });
    }
  });

  it('still agree after updates move documents between index keys, and after deletes', async () => {
    for (const name of ['plain', 'indexed']) {
      const collection = db.collection(name);
      await collection.updateMany({ a: 5 }, { $set: { a: 8 } });
      await collection.updateOne({ _id: 3 as never }, { $push: { tags: 'red' as never } });
      await collection.updateOne({ _id: 5 as never }, { $set: { b: { c: 'x' }, owner: ids[1] } });
      await collection.deleteOne({ _id: 2 as never });
    }
    for (const query of [...queries, { a: 8 }]) {
      expect({ query, ids: await idsOf('indexed', query) }).toEqual({
        query,
        ids: await idsOf('plain', query),
      });
    }
    expect(await idsOf('indexed', { a: 8 })).toEqual([1, 7]);
    expect(await idsOf('indexed', { tags: 'red' })).toEqual([1, 3]);
  });

  it('return documents in the same order without a sort', async () => {
    const order = async (name: string): Promise<unknown[]> =>
      (
        await db
          .collection(name)
          .find({ tags: { $in: ['red', 'blue'] } })
          .toArray()
      ).map((doc) => doc._id);
    expect(await order('indexed')).toEqual(await order('plain'));
  });
});
