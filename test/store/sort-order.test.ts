import { type Db, MinKey, MaxKey, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('sort_order');
  db = testDb.db;
  await db.collection('arrays').insertMany([
    { _id: 1, a: [1, 9] },
    { _id: 2, a: [5] },
    { _id: 3, a: [] },
    { _id: 4 },
    { _id: 5, a: null },
    { _id: 6, a: 'x' },
    { _id: 7, a: 3 },
  ] as never[]);
});
afterAll(() => testDb.drop());

async function sortedIds(name: string, sort: Record<string, 1 | -1>): Promise<unknown[]> {
  const docs = await db.collection(name).find({}).sort(sort).toArray();
  return docs.map((doc) => doc._id);
}

async function aggregatedIds(name: string, sort: Record<string, 1 | -1>): Promise<unknown[]> {
  const docs = await db.collection(name).aggregate([{ $sort: sort }]).toArray();
  return docs.map((doc) => doc._id);
}

describe('sorting on an array field', () => {
  // Ascending compares each array's smallest element, descending its largest; an empty array sorts
  // below null and missing, which sort as equals.
  it('ascending uses the smallest element', async () => {
    const expected = [3, 4, 5, 1, 7, 2, 6];
    expect(await sortedIds('arrays', { a: 1, _id: 1 })).toEqual(expected);
    expect(await aggregatedIds('arrays', { a: 1, _id: 1 })).toEqual(expected);
  });

  it('descending uses the largest element', async () => {
    const expected = [6, 1, 2, 7, 4, 5, 3];
    expect(await sortedIds('arrays', { a: -1, _id: 1 })).toEqual(expected);
    expect(await aggregatedIds('arrays', { a: -1, _id: 1 })).toEqual(expected);
  });

  it('a path through an array of sub-documents sorts by the extreme value found', async () => {
    const lists = db.collection('nested_arrays');
    await lists.insertMany([
      { _id: 1, items: [{ n: 2 }, { n: 8 }] },
      { _id: 2, items: [{ n: 5 }] },
    ] as never[]);
    expect(await sortedIds('nested_arrays', { 'items.n': 1 })).toEqual([1, 2]);
    expect(await sortedIds('nested_arrays', { 'items.n': -1 })).toEqual([1, 2]);
  });
});

describe('sorting values of different types', () => {
  it('follows the BSON type order', async () => {
    const mixed = db.collection('mixed_types');
    const id = new ObjectId();
    await mixed.insertMany([
      { _id: 1, v: new MaxKey() },
      { _id: 2, v: /re/ },
      { _id: 3, v: new Date('2025-01-01') },
      { _id: 4, v: true },
      { _id: 5, v: id },
      { _id: 6, v: { k: 1 } },
      { _id: 7, v: 'text' },
      { _id: 8, v: 42 },
      { _id: 9, v: null },
      { _id: 10, v: new MinKey() },
    ] as never[]);
    expect(await sortedIds('mixed_types', { v: 1 })).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(await sortedIds('mixed_types', { v: -1 })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
