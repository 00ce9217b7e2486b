import { type Db, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';
import { againstRealMongoDb } from './server-under-test.js';

// A query through a plain index stops reading at skip + limit (issue 15). Stopping early must
// never change an answer: the same documents, changed the same way, in an indexed and an unindexed
// collection answer every limit, skip and sort alike.

let testDb: TestDb;
let db: Db;
const STATUSES = ['open', 'closed', 'paused'];

beforeAll(async () => {
  testDb = await openTestDb('index_scan_limits');
  db = testDb.db;
  await db.collection('indexed').createIndex({ status: 1 });
  await db.collection('indexed').createIndex({ tags: 1 });
  for (const name of ['indexed', 'plain']) {
    // Numeric ids: the driver's types assume ObjectIds unless told otherwise.
    const things = db.collection<{ _id: number } & Document>(name);
    await things.insertMany(
      Array.from({ length: 60 }, (_, i) => ({
        _id: i,
        status: STATUSES[i % 3],
        tags: i % 4 === 0 ? ['a', 'b'] : ['b'],
        rank: (i * 7) % 13,
      })),
    );
    // Older documents move into a key whose set already holds newer ones, some leave it, some
    // change only another field, and one _id is deleted and inserted again (now last in order).
    await things.updateMany({ _id: { $in: [1, 4, 7] } }, { $set: { status: 'open' } });
    await things.updateMany({ _id: { $in: [0, 30] } }, { $set: { status: 'gone' } });
    await things.updateMany({ status: 'open' }, { $inc: { rank: 1 } });
    await things.updateOne({ _id: 13 }, { $set: { tags: ['a'] } });
    await things.deleteOne({ _id: 15 });
    await things.insertOne({ _id: 15, status: 'open', tags: ['a', 'b'], rank: 4 });
  }
});
afterAll(() => testDb.drop());

const filters: Document[] = [
  { status: 'open' },
  { status: { $in: ['paused', 'open'] } },
  { tags: 'a' },
  { tags: { $in: ['a', 'b'] } },
  { status: 'open', rank: { $gt: 3 } },
];
const pages = [
  { skip: 0, limit: 1 },
  { skip: 0, limit: 5 },
  { skip: 3, limit: 4 },
  { skip: 18, limit: 10 },
  { skip: 100, limit: 1 },
  { skip: 2, limit: 0 },
];

async function find(name: string, filter: Document, page: { skip: number; limit: number }, sort?: Document) {
  const cursor = db.collection(name).find(filter).skip(page.skip).limit(page.limit);
  return (sort ? cursor.sort(sort) : cursor).toArray();
}

describe('limit, skip and sort through a plain index', () => {
  it('sorted pages are the same with and without the index', async () => {
    for (const filter of filters) {
      for (const page of pages) {
        for (const sort of [{ _id: 1 }, { rank: -1, _id: 1 }, { tags: 1, _id: -1 }]) {
          const indexed = await find('indexed', filter, page, sort);
          expect(indexed, JSON.stringify({ filter, page, sort })).toEqual(
            await find('plain', filter, page, sort),
          );
        }
      }
    }
  });

  it('unsorted pages hold matching documents, each once, and cover every match', async () => {
    for (const filter of filters) {
      const all = await db.collection('plain').find(filter).sort({ _id: 1 }).toArray();
      const seen: Document[] = [];
      for (let skip = 0; skip < all.length + 3; skip += 3) {
        const page = await find('indexed', filter, { skip, limit: 3 });
        expect(page.length).toBe(Math.min(3, Math.max(0, all.length - skip)));
        seen.push(...page);
      }
      expect(seen.map((doc) => doc._id).sort((a, b) => a - b)).toEqual(all.map((doc) => doc._id));
      if (!againstRealMongoDb) {
        // The embedded server answers unsorted queries in natural (insertion) order, index or not.
        expect(seen).toEqual(await find('plain', filter, { skip: 0, limit: 0 }));
      }
    }
  });

  it('findOne, countDocuments with skip and limit, and a $match with $limit agree too', async () => {
    for (const filter of filters) {
      const first = await db.collection('indexed').findOne(filter);
      expect(first).not.toBeNull();
      expect(filter.status === undefined || first?.status !== undefined).toBe(true);
      for (const page of pages) {
        const options = { skip: page.skip, ...(page.limit > 0 ? { limit: page.limit } : {}) };
        expect(await db.collection('indexed').countDocuments(filter, options)).toBe(
          await db.collection('plain').countDocuments(filter, options),
        );
        const pipeline = [{ $match: filter }, { $sort: { _id: 1 } }, { $skip: page.skip }, { $limit: page.limit || 1000 }];
        expect(await db.collection('indexed').aggregate(pipeline).toArray()).toEqual(
          await db.collection('plain').aggregate(pipeline).toArray(),
        );
      }
    }
    // The legacy count command, with skip and limit, goes through another path.
    const counted = await db.command({ count: 'indexed', query: { status: 'open' }, skip: 2, limit: 3 });
    expect(counted.n).toBe(3);
    const open = await db.collection('plain').countDocuments({ status: 'open' });
    expect((await db.command({ count: 'indexed', query: { status: 'open' }, skip: 2 })).n).toBe(open - 2);
  });
});
