import { Double, Int32, Long, type Db, type Document, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';
import { againstRealMongoDb } from './server-under-test.js';

// Aggregation results carry MongoDB's number types: $avg gives a double even when the average is
// whole, a sum over doubles stays a double, int sums that overflow become longs. Read without
// promoting values, a client sees the type. The embedded store sends what it can be sure of with
// MongoDB's type and refuses plainly (code 238) what it cannot; against a real MongoDB
// (MONGODB_URI) the same tests check MongoDB's own answer.

let testDb: TestDb;
let db: Db;
beforeAll(async () => {
  testDb = await openTestDb('aggregate_number_types');
  db = testDb.db;
  await db.collection('ints').insertMany([
    { _id: 1 as never, g: 'a', n: 2 },
    { _id: 2 as never, g: 'a', n: 4 },
    { _id: 3 as never, g: 'b', n: 2147483647 },
    { _id: 4 as never, g: 'b', n: 1 },
  ]);
  await db.collection('dated').insertMany([
    { _id: 1 as never, at: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-01-01T00:00:01Z'), n: 3 },
  ]);
  await db.collection('halves').insertMany([
    { _id: 1 as never, g: 'a', v: 0.5 },
    { _id: 2 as never, g: 'a', v: 0.5 },
  ]);
}, 60_000);
afterAll(() => testDb.drop());

const raw = (collection: string, pipeline: Document[]) =>
  db.collection(collection).aggregate(pipeline, { promoteValues: false }).toArray();

/** On MongoDB the pipeline answers; on the embedded store it is refused, naming the place. */
async function answeredOrRefused(collection: string, pipeline: Document[], place: string): Promise<Document[] | null> {
  const outcome = await raw(collection, pipeline).then(
    (docs) => docs,
    (error: unknown) => error,
  );
  if (againstRealMongoDb) return outcome as Document[];
  expect(outcome).toBeInstanceOf(MongoServerError);
  // Read without promoting values, even the error's code comes as an Int32.
  expect(Number((outcome as MongoServerError).code)).toBe(238);
  expect((outcome as MongoServerError).message).toContain(`at '${place}'`);
  return null;
}

describe('aggregation number types', () => {
  it('gives a whole-number $avg as a double, and a count and a grouped field as they are', async () => {
    const [a] = await raw('ints', [
      { $match: { g: 'a' } },
      { $group: { _id: '$g', mean: { $avg: '$n' }, count: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(a!.mean).toBeInstanceOf(Double);
    expect((a!.mean as Double).value).toBe(3);
    expect(a!.count).toBeInstanceOf(Int32);
    expect(a!._id).toBe('a');
  });

  it('keeps countDocuments exact, even with a double in its filter', async () => {
    expect(await db.collection('halves').countDocuments({ v: { $gt: 0.25 } })).toBe(2);
    expect(await db.collection('ints').countDocuments({ n: { $lt: 4.5 } })).toBe(3);
  });

  it('sums ints as an int when no double is involved', async () => {
    const [a] = await raw('ints', [{ $match: { g: 'a' } }, { $group: { _id: '$g', total: { $sum: '$n' } } }]);
    expect(a!.total).toBeInstanceOf(Int32);
    expect((a!.total as Int32).value).toBe(6);
  });

  it('a whole sum of doubles: a double on MongoDB, refused by the embedded store', async () => {
    const docs = await answeredOrRefused('halves', [{ $group: { _id: '$g', total: { $sum: '$v' } } }], 'total');
    if (docs) expect(docs[0]!.total).toBeInstanceOf(Double);
  });

  it('a whole $divide in a projection is a double, and the fields passed through keep their types', async () => {
    const docs = await raw('ints', [{ $match: { g: 'a' } }, { $project: { half: { $divide: ['$n', 2] }, n: 1 } }, { $sort: { _id: 1 } }]);
    expect(docs.map((d) => [d.half instanceof Double, Number(d.half), d.n instanceof Int32, d._id instanceof Int32])).toEqual([
      [true, 1, true, true],
      [true, 2, true, true],
    ]);
  });

  it('a whole number made from a double by a further operator: a double on MongoDB, refused by the embedded store', async () => {
    const pipeline = [{ $match: { g: 'a' } }, { $project: { rounded: { $round: [{ $divide: ['$n', 3] }, 0] } } }];
    const docs = await answeredOrRefused('ints', pipeline, 'rounded');
    if (docs) expect(docs.every((d) => d.rounded instanceof Double)).toBe(true);
  });

  it('a whole $divide set inside a sub-document: a double on MongoDB, refused by the embedded store', async () => {
    const docs = await answeredOrRefused('ints', [{ $match: { g: 'a' } }, { $addFields: { 'sub.half': { $divide: ['$n', 2] } } }], 'sub.half');
    if (docs) expect(docs.every((d) => (d.sub as Document).half instanceof Double)).toBe(true);
  });

  it('an int sum past int32: a long on MongoDB, refused by the embedded store', async () => {
    const docs = await answeredOrRefused('ints', [{ $match: { g: 'b' } }, { $group: { _id: '$g', total: { $sum: '$n' } } }], 'total');
    if (docs) expect(String(docs[0]!.total)).toBe('2147483648');
  });
});

describe('numbers the embedded store cannot type as MongoDB would are refused, not sent otherwise', () => {
  const refused = (collection: string, pipeline: Document[], place: string, extra: Document = {}) =>
    db
      .collection(collection)
      .aggregate(pipeline, { promoteValues: false, ...extra })
      .toArray()
      .then(
        (docs) => {
          if (!againstRealMongoDb) throw new Error(`answered ${JSON.stringify(docs)}`);
          return docs;
        },
        (error: unknown) => {
          expect(againstRealMongoDb).toBe(false);
          expect(Number((error as MongoServerError).code)).toBe(238);
          expect((error as MongoServerError).message).toContain(place);
          return null;
        },
      );

  it('a whole double or a long written in the pipeline or its let', async () => {
    await refused('ints', [{ $group: { _id: '$g', c: { $sum: new Double(1) } } }], "at 'c'");
    await refused('ints', [{ $addFields: { w: { $add: ['$n', new Double(1)] } } }], "at '_id'");
    await refused('ints', [{ $group: { _id: '$g', c: { $sum: Long.fromNumber(1) } } }], 'a BSON long');
    await refused('ints', [{ $project: { k: '$$k' } }], "at '_id'", { let: { k: new Double(1) } });
  });

  it('dates subtracted, date differences and conversions that make longs', async () => {
    await refused('dated', [{ $project: { ms: { $subtract: ['$end', '$at'] } } }], 'at');
    await refused('dated', [{ $project: { days: { $dateDiff: { startDate: '$at', endDate: '$end', unit: 'day' } } } }], 'at');
    await refused('ints', [{ $match: { g: 'a' } }, { $project: { l: { $toLong: '$n' } } }], 'at');
  });

  it('sums over documents of another collection, which may hold doubles', async () => {
    await refused('ints', [{ $match: { g: 'a' } }, { $unionWith: 'halves' }, { $group: { _id: '$g', t: { $sum: '$v' } } }], 'at');
  });

  it('keeps what is certain beside an $avg: a $max of a stored field, and a count', async () => {
    const [a] = await raw('ints', [{ $match: { g: 'a' } }, { $group: { _id: '$g', mean: { $avg: '$n' }, top: { $max: '$n' }, c: { $sum: 1 } } }]);
    expect(a!.mean).toBeInstanceOf(Double);
    expect(a!.top).toBeInstanceOf(Int32);
    expect(a!.c).toBeInstanceOf(Int32);
  });
});
