import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('unwind_and_let');
  db = testDb.db;
  // The documents of MongoDB's own $unwind examples.
  await db.collection('inventory').insertMany([
    { _id: 1, item: 'ABC', sizes: ['S', 'M'] },
    { _id: 2, item: 'EFG', sizes: [] },
    { _id: 3, item: 'IJK', sizes: 'M' },
    { _id: 4, item: 'LMN' },
    { _id: 5, item: 'XYZ', sizes: null },
  ] as never[]);
  await db.collection('numbers').insertMany([
    { _id: 1, n: 3 },
    { _id: 2, n: 6 },
  ] as never[]);
});
afterAll(() => testDb.drop());

describe('$unwind', () => {
  it('with includeArrayIndex and preserveNullAndEmptyArrays, sets a null index where there is no element', async () => {
    const docs = await db
      .collection('inventory')
      .aggregate([
        {
          $unwind: { path: '$sizes', includeArrayIndex: 'at', preserveNullAndEmptyArrays: true },
        },
      ])
      .toArray();
    expect(docs).toEqual([
      { _id: 1, item: 'ABC', sizes: 'S', at: 0 },
      { _id: 1, item: 'ABC', sizes: 'M', at: 1 },
      { _id: 2, item: 'EFG', at: null },
      { _id: 3, item: 'IJK', sizes: 'M', at: null },
      { _id: 4, item: 'LMN', at: null },
      { _id: 5, item: 'XYZ', sizes: null, at: null },
    ]);
  });

  it('without preserving, drops empty, null and missing, and keeps a scalar as itself', async () => {
    const docs = await db
      .collection('inventory')
      .aggregate([{ $unwind: { path: '$sizes', includeArrayIndex: 'at' } }])
      .toArray();
    expect(docs).toEqual([
      { _id: 1, item: 'ABC', sizes: 'S', at: 0 },
      { _id: 1, item: 'ABC', sizes: 'M', at: 1 },
      { _id: 3, item: 'IJK', sizes: 'M', at: null },
    ]);
  });
});

describe('let variables', () => {
  it('evaluates an expression in aggregate let before binding it', async () => {
    const docs = await db
      .collection('numbers')
      .aggregate([{ $match: { _id: 1 } }, { $project: { x: '$$x' } }], {
        let: { x: { $add: [1, 2] } },
      })
      .toArray();
    expect(docs).toEqual([{ _id: 1, x: 3 }]);
  });

  it('evaluates find let for $expr', async () => {
    const docs = await db
      .collection('numbers')
      .find({ $expr: { $eq: ['$n', '$$target'] } }, { let: { target: { $multiply: [2, 3] } } })
      .toArray();
    expect(docs).toEqual([{ _id: 2, n: 6 }]);
  });

  it('evaluates update and delete let', async () => {
    const numbers = db.collection('numbers');
    const result = await numbers.updateOne(
      { $expr: { $eq: ['$n', '$$target'] } },
      [{ $set: { doubled: { $multiply: ['$n', '$$factor'] } } }],
      { let: { target: { $add: [1, 2] }, factor: { $subtract: [3, 1] } } },
    );
    expect(result.modifiedCount).toBe(1);
    expect(await numbers.findOne({ _id: 1 as never })).toEqual({ _id: 1, n: 3, doubled: 6 });
    const deleted = await numbers.deleteMany(
      { $expr: { $gt: ['$n', '$$limit'] } },
      { let: { limit: { $add: [2, 2] } } },
    );
    expect(deleted.deletedCount).toBe(1);
  });
});
