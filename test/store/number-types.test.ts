import { Decimal128, Double, Long, type Db, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';
import { againstRealMongoDb } from './server-under-test.js';

// MongoDB keeps each number's BSON type (int32, int64, double, decimal128): `$type` finds it and
// a reader that does not promote values sees it. The embedded store keeps int32s and doubles
// exactly, and refuses to store a long, a double holding a whole number, or a decimal (or to make
// one with $inc/$mul) rather than store another type. Against a real MongoDB (MONGODB_URI) the
// same tests check MongoDB's own answer.

let testDb: TestDb;
let db: Db;
beforeAll(async () => {
  testDb = await openTestDb('number_types');
  db = testDb.db;
});
afterAll(() => testDb.drop());

const byId = { _id: 1 as never };

/** Runs a write: on MongoDB it must succeed; on the embedded store it must be refused plainly. */
async function storedOrRefused(write: () => Promise<unknown>, refusal: RegExp): Promise<boolean> {
  const outcome = await write().then(
    () => null,
    (error: unknown) => error,
  );
  if (againstRealMongoDb) {
    expect(outcome).toBeNull();
    return true;
  }
  expect(outcome).toBeInstanceOf(MongoServerError);
  expect((outcome as MongoServerError).code).toBe(238);
  expect((outcome as MongoServerError).message).toMatch(refusal);
  return false;
}

const countOfType = (collection: string, field: string, type: string) =>
  db.collection(collection).countDocuments({ [field]: { $type: type } });

describe('numbers the store keeps exactly', () => {
  it('stores whole numbers in int32 range as int, and other numbers (-0 included) as double', async () => {
    const things = db.collection('exact');
    await things.insertOne({ _id: 1 as never, i: 7, d: 1.5, big: 3e9, z: -0, dd: new Double(2.5) });
    expect(await countOfType('exact', 'i', 'int')).toBe(1);
    for (const field of ['d', 'big', 'z', 'dd']) {
      expect({ field, doubles: await countOfType('exact', field, 'double') }).toEqual({ field, doubles: 1 });
    }
    expect(Object.is((await things.findOne(byId))!.z, -0)).toBe(true);
  });

  it('matches a long or a whole-number double in a filter by value', async () => {
    const things = db.collection('filters');
    await things.insertOne({ _id: 1 as never, n: 1 });
    expect(await things.countDocuments({ n: Long.fromNumber(1) })).toBe(1);
    expect(await things.countDocuments({ n: { $in: [new Double(1)] } })).toBe(1);
    const result = await things.updateOne({ n: Long.fromNumber(1) }, { $set: { seen: true } });
    expect(result.modifiedCount).toBe(1);
  });

  it('keeps int arithmetic int: $inc of a counter', async () => {
    const things = db.collection('counter');
    await things.insertOne({ _id: 1 as never, version: 1 });
    await things.updateOne(byId, { $inc: { version: 1 } });
    expect(await countOfType('counter', 'version', 'int')).toBe(1);
    expect((await things.findOne(byId))!.version).toBe(2);
  });
});

describe('numbers whose type the embedded store cannot keep', () => {
  it('$set of a long over an int32 1: MongoDB stores a long (nModified 1); the embedded store refuses', async () => {
    const things = db.collection('set_long');
    await things.insertOne({ _id: 1 as never, n: 1 });
    let modified = -1;
    const stored = await storedOrRefused(async () => {
      modified = (await things.updateOne(byId, { $set: { n: Long.fromNumber(1) } })).modifiedCount;
    }, /cannot keep a 64-bit integer \(BSON long\) at 'updates\.0\.u\.\$set\.n'/);
    if (stored) {
      expect(modified).toBe(1);
      expect(await countOfType('set_long', 'n', 'long')).toBe(1);
    } else {
      expect(await countOfType('set_long', 'n', 'int')).toBe(1);
    }
  });

  it('insertMany with a long in its second document: nothing is half written', async () => {
    const things = db.collection('insert_long');
    const stored = await storedOrRefused(
      () => things.insertMany([{ _id: 1 as never, n: 1 }, { _id: 2 as never, n: Long.fromNumber(2) }]),
      /at 'documents\.1\.n'/,
    );
    expect(await things.countDocuments()).toBe(stored ? 2 : 0);
    if (stored) expect(await countOfType('insert_long', 'n', 'long')).toBe(1);
  });

  it('a double holding a whole number: MongoDB stores a double', async () => {
    const things = db.collection('insert_double');
    const stored = await storedOrRefused(
      () => things.insertOne({ _id: 1 as never, n: new Double(1) }),
      /cannot keep a double holding a whole number at 'documents\.0\.n'/,
    );
    expect(await countOfType('insert_double', 'n', 'double')).toBe(stored ? 1 : 0);
  });

  it('an upsert whose filter holds a long copies it into the new document', async () => {
    const things = db.collection('upsert_long');
    const stored = await storedOrRefused(
      () => things.updateOne({ n: Long.fromNumber(5) }, { $set: { m: 1 } }, { upsert: true }),
      /at 'updates\.0\.q\.n'/,
    );
    expect(await countOfType('upsert_long', 'n', 'long')).toBe(stored ? 1 : 0);
  });

  it('findOneAndUpdate setting a long', async () => {
    const things = db.collection('find_and_modify_long');
    await things.insertOne({ _id: 1 as never, n: 1 });
    const stored = await storedOrRefused(
      () => things.findOneAndUpdate(byId, { $set: { n: Long.fromNumber(9) } }),
      /at 'update\.\$set\.n'/,
    );
    expect((await things.findOne(byId))!.n).toBe(stored ? 9 : 1);
  });

  it('a decimal, even in a filter (it must equal the int32 1 there)', async () => {
    const things = db.collection('decimal');
    await things.insertOne({ _id: 1 as never, n: 1 });
    let count = -1;
    const answered = await storedOrRefused(async () => {
      count = await things.countDocuments({ n: Decimal128.fromString('1') });
    }, /cannot keep a decimal \(BSON decimal128\)/);
    if (answered) expect(count).toBe(1);
  });

  it('$inc of 0.5 on 2.5: MongoDB stores the double 3', async () => {
    const things = db.collection('inc_double');
    await things.insertOne({ _id: 1 as never, score: 2.5 });
    const stored = await storedOrRefused(
      () => things.updateOne(byId, { $inc: { score: 0.5 } }),
      /result of \$inc on 'score' \(3\) as MongoDB would, as a double/,
    );
    expect((await things.findOne(byId))!.score).toBe(stored ? 3 : 2.5);
    if (stored) expect(await countOfType('inc_double', 'score', 'double')).toBe(1);
  });

  it('$inc past int32 range: MongoDB makes a long', async () => {
    const things = db.collection('inc_overflow');
    await things.insertOne({ _id: 1 as never, n: 2147483647 });
    const stored = await storedOrRefused(
      () => things.updateOne(byId, { $inc: { n: 1 } }),
      /as a 64-bit integer \(BSON long\)/,
    );
    expect(await countOfType('inc_overflow', 'n', stored ? 'long' : 'int')).toBe(1);
  });

  it('$mul of a missing field by a double: MongoDB stores the double 0', async () => {
    const things = db.collection('mul_missing');
    await things.insertOne({ _id: 1 as never });
    const stored = await storedOrRefused(
      () => things.updateOne(byId, { $mul: { n: 1.5 } }),
      /result of \$mul on 'n' \(0\)/,
    );
    expect(await countOfType('mul_missing', 'n', 'double')).toBe(stored ? 1 : 0);
  });
});

describe('pipeline-style updates', () => {
  it('int arithmetic on ints is stored as MongoDB stores it', async () => {
    const things = db.collection('pipeline_ints');
    await things.insertOne({ _id: 1 as never, n: 3 });
    await things.updateOne(byId, [{ $set: { n: { $add: ['$n', 1] }, m: { $multiply: ['$n', 2] } } }]);
    expect(await things.findOne(byId)).toEqual({ _id: 1, n: 4, m: 6 });
    expect(await countOfType('pipeline_ints', 'n', 'int')).toBe(1);
  });

  it('$divide making a whole number: MongoDB stores the double 2', async () => {
    const things = db.collection('pipeline_divide');
    await things.insertOne({ _id: 1 as never, n: 6 });
    const stored = await storedOrRefused(
      () => things.updateOne(byId, [{ $set: { half: { $divide: ['$n', 3] } } }]),
      /cannot be sure of the number type this pipeline update makes at 'half' \(2\): MongoDB could store a double/,
    );
    expect(await countOfType('pipeline_divide', 'half', 'double')).toBe(stored ? 1 : 0);
  });

  it('adding 0.5 to a field holding 2.5: MongoDB stores the double 3', async () => {
    const things = db.collection('pipeline_double_field');
    await things.insertOne({ _id: 1 as never, score: 2.5 });
    const stored = await storedOrRefused(
      () => things.updateOne(byId, [{ $set: { score: { $add: ['$score', 0.5] } } }]),
      /at 'score' \(3\)/,
    );
    expect((await things.findOne(byId))!.score).toBe(stored ? 3 : 2.5);
  });

  it('int32s that overflow: MongoDB stores a long', async () => {
    const things = db.collection('pipeline_overflow');
    await things.insertOne({ _id: 1 as never, n: 2147483647 });
    const stored = await storedOrRefused(
      () => things.updateOne(byId, [{ $set: { n: { $add: ['$n', 1] } } }]),
      /MongoDB could store a 64-bit integer \(BSON long\)/,
    );
    expect(await countOfType('pipeline_overflow', 'n', stored ? 'long' : 'int')).toBe(1);
  });
});
