import { type Db, MongoServerError, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('update_operators');
  db = testDb.db;
});
afterAll(() => testDb.drop());

/** Inserts `doc`, applies `update` to it and returns the stored result without its _id. */
async function afterUpdate(
  doc: object,
  update: object,
  options: object = {},
): Promise<object | null> {
  const things = db.collection('updates');
  const { insertedId } = await things.insertOne({ ...doc });
  await things.updateOne({ _id: insertedId }, update, options);
  return things.findOne({ _id: insertedId }, { projection: { _id: 0 } });
}

describe('field operators', () => {
  it('$set creates nested paths and $unset removes fields', async () => {
    expect(await afterUpdate({ a: 1 }, { $set: { 'b.c': 2, a: 5 } })).toEqual({
      a: 5,
      b: { c: 2 },
    });
    expect(await afterUpdate({ a: 1, b: 2 }, { $unset: { b: '' } })).toEqual({ a: 1 });
  });

  it('$inc and $mul do arithmetic, creating missing fields', async () => {
    expect(await afterUpdate({ n: 1 }, { $inc: { n: 2, m: -1 } })).toEqual({ n: 3, m: -1 });
    expect(await afterUpdate({ n: 3 }, { $mul: { n: 2.5 } })).toEqual({ n: 7.5 });
  });

  it('$max and $min keep the larger or smaller value, dates included', async () => {
    expect(await afterUpdate({ n: 5 }, { $max: { n: 9 } })).toEqual({ n: 9 });
    expect(await afterUpdate({ n: 5 }, { $max: { n: 1 } })).toEqual({ n: 5 });
    expect(await afterUpdate({ n: 5 }, { $min: { n: 1 } })).toEqual({ n: 1 });
    const early = new Date('2024-01-01');
    const late = new Date('2025-01-01');
    expect(await afterUpdate({ at: early }, { $max: { at: late } })).toEqual({ at: late });
  });

  it('$rename moves a field and $currentDate stamps the time', async () => {
    expect(await afterUpdate({ old: 1 }, { $rename: { old: 'new' } })).toEqual({ new: 1 });
    const before = Date.now();
    const stamped = (await afterUpdate({}, { $currentDate: { at: true } })) as { at: Date };
    expect(stamped.at).toBeInstanceOf(Date);
    expect(stamped.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe('array operators', () => {
  it('$push appends, with $each, $sort and $slice', async () => {
    expect(await afterUpdate({ l: [1] }, { $push: { l: 2 } })).toEqual({ l: [1, 2] });
    expect(
      await afterUpdate({ l: [3] }, { $push: { l: { $each: [1, 2], $sort: 1, $slice: 2 } } }),
    ).toEqual({
      l: [1, 2],
    });
    expect(await afterUpdate({}, { $push: { l: 'first' } })).toEqual({ l: ['first'] });
  });

  it('$addToSet adds only missing values, ObjectIds compared by value', async () => {
    const id = new ObjectId();
    expect(await afterUpdate({ s: ['a'] }, { $addToSet: { s: { $each: ['a', 'b'] } } })).toEqual({
      s: ['a', 'b'],
    });
    const ids = (await afterUpdate(
      { s: [id] },
      { $addToSet: { s: new ObjectId(id.toHexString()) } },
    )) as {
      s: ObjectId[];
    };
    expect(ids.s).toHaveLength(1);
  });

  it('$pull removes by value or condition, $pullAll by list, $pop from an end', async () => {
    expect(await afterUpdate({ l: [1, 2, 3, 2] }, { $pull: { l: 2 } })).toEqual({ l: [1, 3] });
    expect(await afterUpdate({ l: [1, 5, 9] }, { $pull: { l: { $gte: 5 } } })).toEqual({ l: [1] });
    expect(await afterUpdate({ l: [{ k: 1 }, { k: 2 }] }, { $pull: { l: { k: 2 } } })).toEqual({
      l: [{ k: 1 }],
    });
    expect(await afterUpdate({ l: [1, 2, 3] }, { $pullAll: { l: [1, 3] } })).toEqual({ l: [2] });
    expect(await afterUpdate({ l: [1, 2, 3] }, { $pop: { l: -1 } })).toEqual({ l: [2, 3] });
  });

  it('updates the matched element with $ and filtered elements with arrayFilters', async () => {
    const things = db.collection('positional');
    const { insertedId } = await things.insertOne({
      items: [
        { k: 'a', n: 1 },
        { k: 'b', n: 2 },
        { k: 'c', n: 3 },
      ],
    });
    await things.updateOne({ _id: insertedId, 'items.k': 'b' }, { $set: { 'items.$.n': 20 } });
    await things.updateOne(
      { _id: insertedId },
      { $inc: { 'items.$[big].n': 100 } },
      { arrayFilters: [{ 'big.n': { $gte: 3 } }] },
    );
    const doc = await things.findOne({ _id: insertedId });
    expect(doc?.items).toEqual([
      { k: 'a', n: 1 },
      { k: 'b', n: 120 },
      { k: 'c', n: 103 },
    ]);
  });
});

describe('update semantics', () => {
  it('counts matched and modified separately, and updateMany touches every match', async () => {
    const things = db.collection('counts');
    await things.insertMany([
      { g: 1, v: 0 },
      { g: 1, v: 1 },
      { g: 2, v: 0 },
    ]);
    const same = await things.updateMany({ g: 1 }, { $set: { v: 1 } });
    expect(same.matchedCount).toBe(2);
    expect(same.modifiedCount).toBe(1);
    const all = await things.updateMany({}, { $inc: { v: 1 } });
    expect(all.modifiedCount).toBe(3);
    expect((await things.find({ g: 1 }).toArray()).map((doc) => doc.v)).toEqual([2, 2]);
  });

  it('accepts a pipeline-style update', async () => {
    expect(
      await afterUpdate({ a: 2, b: 3 }, [
        { $set: { sum: { $add: ['$a', '$b'] } } },
        { $unset: 'b' },
      ]),
    ).toEqual({
      a: 2,
      sum: 5,
    });
  });

  it('refuses to change _id', async () => {
    const things = db.collection('immutable');
    const { insertedId } = await things.insertOne({ a: 1 });
    const failure = await things
      .updateOne({ _id: insertedId }, { $set: { _id: new ObjectId() } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MongoServerError);
    expect((failure as MongoServerError).code).toBe(66);
    expect(await things.countDocuments({ _id: insertedId })).toBe(1);
  });

  it('rejects an unknown update operator', async () => {
    const things = db.collection('unknown_operator');
    await things.insertOne({ a: 1 });
    await expect(things.updateOne({}, { $frobnicate: { a: 1 } } as object)).rejects.toBeInstanceOf(
      MongoServerError,
    );
  });
});

describe('upsert', () => {
  it('inserts from the query equalities plus $set and $setOnInsert, reporting upsertedId', async () => {
    const things = db.collection('upserts');
    const result = await things.updateOne(
      { workspaceId: 'w1', key: 'k1', n: { $gt: 5 } },
      { $set: { label: 'L' }, $setOnInsert: { createdAt: 'now' } },
      { upsert: true },
    );
    expect(result.upsertedCount).toBe(1);
    expect(result.upsertedId).toBeInstanceOf(ObjectId);
    const doc = await things.findOne({ _id: result.upsertedId! }, { projection: { _id: 0 } });
    expect(doc).toEqual({ workspaceId: 'w1', key: 'k1', label: 'L', createdAt: 'now' });
  });

  it('updates an existing match and then ignores $setOnInsert', async () => {
    const things = db.collection('upserts_existing');
    await things.insertOne({ key: 'k', label: 'old', createdAt: 'first' });
    const result = await things.updateOne(
      { key: 'k' },
      { $set: { label: 'new' }, $setOnInsert: { createdAt: 'second' } },
      { upsert: true },
    );
    expect(result.matchedCount).toBe(1);
    expect(result.upsertedCount).toBe(0);
    expect(await things.findOne({ key: 'k' }, { projection: { _id: 0 } })).toEqual({
      key: 'k',
      label: 'new',
      createdAt: 'first',
    });
  });

  it('creates a counter with $max or $inc when the upsert inserts', async () => {
    const counters = db.collection('upsert_counters');
    await counters.updateOne({ _id: 'w1:pdsa' as never }, { $max: { seq: 4 } }, { upsert: true });
    await counters.updateOne({ _id: 'w1:pdsa' as never }, { $max: { seq: 2 } }, { upsert: true });
    await counters.updateOne({ _id: 'w1:case' as never }, { $inc: { seq: 1 } }, { upsert: true });
    const docs = await counters.find({}).sort({ _id: 1 }).toArray();
    expect(docs).toEqual([
      { _id: 'w1:case', seq: 1 },
      { _id: 'w1:pdsa', seq: 4 },
    ]);
  });

  it('uses the _id from the query and supports replacement upserts', async () => {
    const things = db.collection('upsert_ids');
    const byId = await things.updateOne(
      { _id: 'fixed' as never },
      { $inc: { n: 1 } },
      { upsert: true },
    );
    expect(byId.upsertedId).toBe('fixed');
    await things.updateOne({ _id: 'fixed' as never }, { $inc: { n: 1 } }, { upsert: true });
    expect(await things.findOne({ _id: 'fixed' as never })).toEqual({ _id: 'fixed', n: 2 });
    const replaced = await things.replaceOne({ name: 'r' }, { name: 'r', v: 1 }, { upsert: true });
    expect(replaced.upsertedCount).toBe(1);
    expect(await things.findOne({ name: 'r' }, { projection: { _id: 0 } })).toEqual({
      name: 'r',
      v: 1,
    });
  });
});
