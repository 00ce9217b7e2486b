import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('projection_order');
  db = testDb.db;
  await db.collection('things').insertOne({ _id: 1, b: 2, a: 1, c: 3 } as never);
});
afterAll(() => testDb.drop());

// toEqual ignores field order, so these compare the keys themselves: code that prints or hashes a
// document sees the order.
describe('an inclusion projection', () => {
  it('keeps _id first in find, findOneAndUpdate and $project', async () => {
    const things = db.collection('things');
    const found = await things.findOne({}, { projection: { c: 1, a: 1 } });
    expect(Object.keys(found ?? {})).toEqual(['_id', 'a', 'c']);
    const modified = await things.findOneAndUpdate(
      { _id: 1 as never },
      { $set: { d: 4 } },
      { projection: { a: 1 } },
    );
    expect(Object.keys(modified ?? {})).toEqual(['_id', 'a']);
    const [projected] = await things.aggregate([{ $project: { c: 1, a: 1 } }]).toArray();
    expect(Object.keys(projected ?? {})[0]).toBe('_id');
  });
});

// Top-level inclusions are read without mingo (find-documents.ts): the same answers as MongoDB's.
describe('a top-level inclusion projection', () => {
  beforeAll(async () => {
    await db.collection('cases').insertMany([
      { _id: 'x' as never, milestones: { a: '2026-01-01' }, ref: 'C1', team: null, tags: [1, { t: 2 }] },
      { _id: 'y' as never, ref: 'C2' },
    ]);
  });

  it('returns _id first, then the named fields in the document’s order, whole', async () => {
    const docs = await db.collection('cases').find({}, { projection: { tags: 1, ref: 1, milestones: 1, team: true } }).toArray();
    expect(docs.map((d) => Object.keys(d))).toEqual([['_id', 'milestones', 'ref', 'team', 'tags'], ['_id', 'ref']]);
    expect(docs[0]).toEqual({ _id: 'x', milestones: { a: '2026-01-01' }, ref: 'C1', team: null, tags: [1, { t: 2 }] });
  });

  it('drops _id when told to, and leaves out fields a document lacks', async () => {
    const docs = await db.collection('cases').find({}, { projection: { _id: 0, ref: 1, team: 1 } }).toArray();
    expect(docs).toEqual([{ ref: 'C1', team: null }, { ref: 'C2' }]);
  });

  it('still reads paths, exclusions and expressions as MongoDB does', async () => {
    const cases = db.collection('cases');
    expect(await cases.findOne({ _id: 'x' as never }, { projection: { 'milestones.a': 1, _id: 0 } })).toEqual({ milestones: { a: '2026-01-01' } });
    expect(await cases.findOne({ _id: 'x' as never }, { projection: { milestones: 0, tags: 0, team: 0 } })).toEqual({ _id: 'x', ref: 'C1' });
    expect(await cases.findOne({ _id: 'y' as never }, { projection: { code: '$ref' } })).toEqual({ _id: 'y', code: 'C2' });
    await expect(cases.findOne({}, { projection: { ref: 1, team: 0 } })).rejects.toThrow();
  });
});
