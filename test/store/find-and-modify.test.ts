import { type Db, MongoServerError, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('find_and_modify');
  db = testDb.db;
});
afterAll(() => testDb.drop());

describe('findOneAndUpdate', () => {
  it('returns the document before the update by default and after it on request', async () => {
    const jobs = db.collection('jobs_return');
    await jobs.insertOne({ name: 'a', runs: 0 });
    const before = await jobs.findOneAndUpdate({ name: 'a' }, { $inc: { runs: 1 } });
    expect(before?.runs).toBe(0);
    const after = await jobs.findOneAndUpdate(
      { name: 'a' },
      { $inc: { runs: 1 } },
      { returnDocument: 'after' },
    );
    expect(after?.runs).toBe(2);
  });

  it('picks the first document in sort order (the locking pattern job queues use)', async () => {
    const jobs = db.collection('jobs_lock');
    await jobs.insertMany([
      { name: 'late', nextRunAt: new Date('2025-01-03'), lockedAt: null },
      { name: 'early', nextRunAt: new Date('2025-01-01'), lockedAt: null },
      { name: 'middle', nextRunAt: new Date('2025-01-02'), lockedAt: null },
    ]);
    const lockedAt = new Date();
    const locked = await jobs.findOneAndUpdate(
      { lockedAt: null, nextRunAt: { $lte: new Date('2025-01-02') } },
      { $set: { lockedAt } },
      { sort: { nextRunAt: 1 }, returnDocument: 'after' },
    );
    expect(locked?.name).toBe('early');
    expect(locked?.lockedAt).toEqual(lockedAt);
    const next = await jobs.findOneAndUpdate(
      { lockedAt: null, nextRunAt: { $lte: new Date('2025-01-02') } },
      { $set: { lockedAt } },
      { sort: { nextRunAt: 1 }, returnDocument: 'after' },
    );
    expect(next?.name).toBe('middle');
  });

  it('returns null when nothing matches and upsert is off', async () => {
    const result = await db
      .collection('jobs_none')
      .findOneAndUpdate({ name: 'x' }, { $set: { a: 1 } });
    expect(result).toBeNull();
  });

  it('upserts, returning null before and the new document after', async () => {
    const jobs = db.collection('jobs_upsert');
    const before = await jobs.findOneAndUpdate(
      { key: 'k1' },
      { $setOnInsert: { n: 1 } },
      { upsert: true },
    );
    expect(before).toBeNull();
    const after = await jobs.findOneAndUpdate(
      { key: 'k2' },
      { $set: { n: 2 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(after).toMatchObject({ key: 'k2', n: 2 });
    expect(after?._id).toBeInstanceOf(ObjectId);
    expect(await jobs.countDocuments()).toBe(2);
  });

  it('reports updatedExisting and upserted in the raw result', async () => {
    const jobs = db.collection('jobs_raw');
    const inserted = await jobs.findOneAndUpdate(
      { key: 'r' },
      { $set: { n: 1 } },
      { upsert: true, includeResultMetadata: true },
    );
    expect(inserted.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false });
    expect(inserted.lastErrorObject?.upserted).toBeInstanceOf(ObjectId);
    const updated = await jobs.findOneAndUpdate(
      { key: 'r' },
      { $set: { n: 2 } },
      { includeResultMetadata: true },
    );
    expect(updated.lastErrorObject).toMatchObject({ n: 1, updatedExisting: true });
    expect(updated.value?.n).toBe(1);
  });

  it('applies a projection to the returned document', async () => {
    const jobs = db.collection('jobs_projection');
    await jobs.insertOne({ name: 'p', secret: 's', n: 1 });
    const result = await jobs.findOneAndUpdate(
      { name: 'p' },
      { $inc: { n: 1 } },
      { projection: { _id: 0, n: 1 }, returnDocument: 'after' },
    );
    expect(result).toEqual({ n: 2 });
  });
});

describe('findOneAndReplace and findOneAndDelete', () => {
  it('replaces a document and returns the replacement', async () => {
    const things = db.collection('replace_one');
    const { insertedId } = await things.insertOne({ v: 1, extra: true });
    const after = await things.findOneAndReplace({ v: 1 }, { v: 2 }, { returnDocument: 'after' });
    expect(after).toEqual({ _id: insertedId, v: 2 });
  });

  it('deletes the first document in sort order and returns it', async () => {
    const things = db.collection('delete_one');
    await things.insertMany([{ p: 2 }, { p: 1 }, { p: 3 }]);
    const removed = await things.findOneAndDelete({}, { sort: { p: -1 } });
    expect(removed?.p).toBe(3);
    expect((await things.find({}).sort({ p: 1 }).toArray()).map((doc) => doc.p)).toEqual([1, 2]);
    expect(await things.findOneAndDelete({ p: 9 })).toBeNull();
  });
});

describe('duplicate keys', () => {
  it('fails the whole command with code 11000 and changes nothing', async () => {
    const things = db.collection('fam_unique');
    await things.createIndex({ email: 1 }, { unique: true });
    await things.insertMany([{ email: 'a@x' }, { email: 'b@x' }]);
    const failure = await things
      .findOneAndUpdate({ email: 'b@x' }, { $set: { email: 'a@x' } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MongoServerError);
    expect((failure as MongoServerError).code).toBe(11000);
    const upsertFailure = await things
      .findOneAndUpdate({ email: 'c@x', n: 1 }, { $set: { email: 'a@x' } }, { upsert: true })
      .catch((error: unknown) => error);
    expect((upsertFailure as MongoServerError).code).toBe(11000);
    expect((await things.find({}).sort({ email: 1 }).toArray()).map((doc) => doc.email)).toEqual([
      'a@x',
      'b@x',
    ]);
  });
});
