import { type Db, MongoBulkWriteError, MongoServerError, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('unique_indexes');
  db = testDb.db;
});
afterAll(() => testDb.drop());

async function failureOf(promise: Promise<unknown>): Promise<MongoServerError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(MongoServerError);
  return outcome as MongoServerError;
}

describe('inserts', () => {
  it('rejects a second document with the same unique key (code 11000, keyValue)', async () => {
    const users = db.collection('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertOne({ email: 'a@x' });
    const error = await failureOf(users.insertOne({ email: 'a@x' }));
    expect(error.code).toBe(11000);
    expect(error.message).toMatch(/E11000 duplicate key error/);
    expect(error.keyValue).toEqual({ email: 'a@x' });
    expect(await users.countDocuments()).toBe(1);
  });

  it('rejects a duplicate _id', async () => {
    const things = db.collection('dup_ids');
    await things.insertOne({ _id: 'one' as never });
    const error = await failureOf(things.insertOne({ _id: 'one' as never }));
    expect(error.code).toBe(11000);
  });

  it('enforces a compound unique index on the combination only', async () => {
    const members = db.collection('members');
    await members.createIndex(
      { workspaceId: 1, userId: 1 },
      { unique: true, name: 'workspace_user' },
    );
    await members.insertMany([
      { workspaceId: 'w1', userId: 'u1' },
      { workspaceId: 'w1', userId: 'u2' },
      { workspaceId: 'w2', userId: 'u1' },
    ]);
    const error = await failureOf(members.insertOne({ workspaceId: 'w1', userId: 'u2' }));
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ workspaceId: 'w1', userId: 'u2' });
  });

  it('compares ObjectId keys by value', async () => {
    const refs = db.collection('refs');
    await refs.createIndex({ caseId: 1 }, { unique: true });
    const caseId = new ObjectId();
    await refs.insertOne({ caseId });
    const error = await failureOf(refs.insertOne({ caseId: new ObjectId(caseId.toHexString()) }));
    expect(error.code).toBe(11000);
    await refs.insertOne({ caseId: new ObjectId() });
    expect(await refs.countDocuments()).toBe(2);
  });

  it('treats a missing field as null, so only one document may lack it', async () => {
    const things = db.collection('missing_keys');
    await things.createIndex({ code: 1 }, { unique: true });
    await things.insertOne({ other: 1 });
    expect((await failureOf(things.insertOne({ other: 2 }))).code).toBe(11000);
  });

  it('skips documents without the field in a sparse index, and outside a partial filter', async () => {
    const sparse = db.collection('sparse_keys');
    await sparse.createIndex({ code: 1 }, { unique: true, sparse: true });
    await sparse.insertMany([{ other: 1 }, { other: 2 }, { code: 'c' }]);
    expect((await failureOf(sparse.insertOne({ code: 'c' }))).code).toBe(11000);

    const partial = db.collection('partial_keys');
    await partial.createIndex(
      { slot: 1 },
      { unique: true, partialFilterExpression: { active: true } },
    );
    await partial.insertMany([
      { slot: 1, active: false },
      { slot: 1, active: false },
      { slot: 1, active: true },
    ]);
    expect((await failureOf(partial.insertOne({ slot: 1, active: true }))).code).toBe(11000);
  });
});

describe('batches', () => {
  it('stops an ordered insertMany at the first duplicate', async () => {
    const things = db.collection('ordered');
    await things.createIndex({ k: 1 }, { unique: true });
    const error = await failureOf(things.insertMany([{ k: 1 }, { k: 2 }, { k: 1 }, { k: 3 }]));
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulk = error as MongoBulkWriteError;
    expect(bulk.code).toBe(11000);
    expect(bulk.insertedCount).toBe(2);
    expect(bulk.writeErrors).toHaveLength(1);
    expect((await things.find({}).sort({ k: 1 }).toArray()).map((doc) => doc.k)).toEqual([1, 2]);
  });

  it('goes on past duplicates in an unordered insertMany and reports each', async () => {
    const things = db.collection('unordered');
    await things.createIndex({ k: 1 }, { unique: true });
    const error = await failureOf(
      things.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }, { k: 2 }, { k: 3 }], { ordered: false }),
    );
    const bulk = error as MongoBulkWriteError;
    expect(bulk.insertedCount).toBe(3);
    const writeErrors = Array.isArray(bulk.writeErrors) ? bulk.writeErrors : [bulk.writeErrors];
    expect(writeErrors.map((entry) => entry.index)).toEqual([1, 3]);
    expect(writeErrors.every((entry) => entry.code === 11000)).toBe(true);
  });

  it('runs a mixed bulkWrite and reports every count', async () => {
    const things = db.collection('bulk');
    await things.insertMany([
      { k: 'a', n: 0 },
      { k: 'b', n: 0 },
      { k: 'gone', n: 0 },
    ]);
    const result = await things.bulkWrite([
      { insertOne: { document: { k: 'c', n: 0 } } },
      { updateOne: { filter: { k: 'a' }, update: { $inc: { n: 1 } } } },
      { updateMany: { filter: { n: 0 }, update: { $set: { touched: true } } } },
      { replaceOne: { filter: { k: 'b' }, replacement: { k: 'b', n: 9 } } },
      { deleteOne: { filter: { k: 'gone' } } },
      { updateOne: { filter: { k: 'new' }, update: { $set: { n: 5 } }, upsert: true } },
    ]);
    expect(result.insertedCount).toBe(1);
    expect(result.matchedCount).toBe(1 + 3 + 1);
    expect(result.modifiedCount).toBe(1 + 3 + 1);
    expect(result.deletedCount).toBe(1);
    expect(result.upsertedCount).toBe(1);
    expect(await things.countDocuments()).toBe(4);
  });
});

describe('updates', () => {
  it('rejects an update that would duplicate a key and leaves the document alone', async () => {
    const things = db.collection('update_dup');
    await things.createIndex({ k: 1 }, { unique: true });
    await things.insertMany([{ k: 1 }, { k: 2 }]);
    const error = await failureOf(things.updateOne({ k: 2 }, { $set: { k: 1 } }));
    expect(error.code).toBe(11000);
    expect((await things.find({}).sort({ k: 1 }).toArray()).map((doc) => doc.k)).toEqual([1, 2]);
  });

  it('allows an update that keeps a document its own key', async () => {
    const things = db.collection('update_same');
    await things.createIndex({ k: 1 }, { unique: true });
    await things.insertOne({ k: 1, n: 0 });
    const result = await things.updateOne({ k: 1 }, { $set: { k: 1, n: 1 } });
    expect(result.modifiedCount).toBe(1);
  });

  it('rejects an upsert that would insert a duplicate key', async () => {
    const things = db.collection('upsert_dup');
    await things.createIndex({ email: 1 }, { unique: true });
    await things.insertOne({ email: 'a@x', name: 'A' });
    const error = await failureOf(
      things.updateOne({ name: 'B' }, { $set: { email: 'a@x' } }, { upsert: true }),
    );
    expect(error.code).toBe(11000);
    expect(await things.countDocuments()).toBe(1);
  });
});

describe('index creation', () => {
  it('refuses a unique index over documents that already collide', async () => {
    const things = db.collection('late_unique');
    await things.insertMany([{ k: 1 }, { k: 1 }]);
    const error = await failureOf(things.createIndex({ k: 1 }, { unique: true }));
    expect(error.code).toBe(11000);
    expect((await things.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_']);
  });

  it('treats re-creating an identical index as a no-op', async () => {
    const things = db.collection('idempotent');
    expect(await things.createIndex({ a: 1, b: -1 }, { unique: true })).toBe('a_1_b_-1');
    expect(await things.createIndex({ a: 1, b: -1 }, { unique: true })).toBe('a_1_b_-1');
    await things.createIndexes([{ key: { a: 1, b: -1 }, unique: true }, { key: { c: 1 } }]);
    expect((await things.listIndexes().toArray()).map((index) => index.name)).toEqual([
      '_id_',
      'a_1_b_-1',
      'c_1',
    ]);
  });

  it('refuses the same name with a different key', async () => {
    const things = db.collection('conflict');
    await things.createIndex({ a: 1 }, { name: 'mine' });
    const error = await failureOf(things.createIndex({ b: 1 }, { name: 'mine' }));
    expect([85, 86]).toContain(error.code);
  });
});
