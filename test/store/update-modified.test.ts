import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

// An update's modified count and the document it stores must be MongoDB's. MongoDB calls a field
// unchanged only when its new bytes equal the old ones (BSONElement::binaryEqualValues), so a
// sub-document with its fields in another order is a change and is stored in the new order.

let testDb: TestDb;
let db: Db;
beforeAll(async () => {
  testDb = await openTestDb('update_modified');
  db = testDb.db;
});
afterAll(() => testDb.drop());

const byId = { _id: 1 as never };

describe('$set', () => {
  it('of a sub-document with the same fields in another order replaces it (nModified 1)', async () => {
    const things = db.collection('reorder');
    await things.insertOne({ _id: 1 as never, a: { x: 1, y: 2 } });
    const result = await things.updateOne(byId, { $set: { a: { y: 2, x: 1 } } });
    const stored = await things.findOne(byId);
    expect({ modified: result.modifiedCount, order: Object.keys(stored!.a as object) }).toEqual({
      modified: 1,
      order: ['y', 'x'],
    });
  });

  it('reorders a sub-document inside an array element reached by $', async () => {
    const things = db.collection('reorder_positional');
    await things.insertOne({ _id: 1 as never, items: [{ k: 1, v: { x: 1, y: 2 } }] });
    const result = await things.updateOne(
      { _id: 1 as never, 'items.k': 1 },
      { $set: { 'items.$.v': { y: 2, x: 1 } } },
    );
    const stored = await things.findOne(byId);
    expect(result.modifiedCount).toBe(1);
    expect(Object.keys((stored!.items as { v: object }[])[0]!.v)).toEqual(['y', 'x']);
  });

  it('of the very same value changes nothing (nModified 0)', async () => {
    const things = db.collection('same');
    await things.insertOne({ _id: 1 as never, a: { x: 1, y: [1, 'two'] }, n: 1.5 });
    const result = await things.updateOne(byId, { $set: { a: { x: 1, y: [1, 'two'] }, n: 1.5 } });
    expect({ matched: result.matchedCount, modified: result.modifiedCount }).toEqual({
      matched: 1,
      modified: 0,
    });
  });

  it('through an upsert replaces the query seed written in another order', async () => {
    const things = db.collection('upsert_reorder');
    await things.updateOne({ a: { x: 1, y: 2 } }, { $set: { a: { y: 2, x: 1 } } }, { upsert: true });
    const stored = await things.findOne({});
    expect(Object.keys(stored!.a as object)).toEqual(['y', 'x']);
  });

  it('past the end of an array pads it with nulls', async () => {
    const things = db.collection('pad');
    await things.insertOne({ _id: 1 as never, arr: [0] });
    await things.updateOne(byId, { $set: { 'arr.3': 1 } });
    expect((await things.findOne(byId))!.arr).toEqual([0, null, null, 1]);
  });

  it('replacing a whole document with its fields reordered counts as modified', async () => {
    const things = db.collection('replace_reorder');
    await things.insertOne({ _id: 1 as never, a: 1, b: 2 });
    const result = await things.replaceOne(byId, { b: 2, a: 1 });
    expect(result.modifiedCount).toBe(1);
    expect(Object.keys((await things.findOne(byId))!)).toEqual(['_id', 'b', 'a']);
  });
});

describe('$addToSet', () => {
  it('keeps duplicates the array already holds and appends only what is missing', async () => {
    const things = db.collection('add_to_set_dups');
    await things.insertOne({ _id: 1 as never, tags: ['a', 'a', 'b'] });
    const result = await things.updateOne(byId, { $addToSet: { tags: { $each: ['b', 'c', 'c'] } } });
    expect(result.modifiedCount).toBe(1);
    expect((await things.findOne(byId))!.tags).toEqual(['a', 'a', 'b', 'c']);
  });

  it('leaves the array alone when every value is there (nModified 0), comparing numbers by value', async () => {
    const things = db.collection('add_to_set_none');
    await things.insertOne({ _id: 1 as never, tags: ['a', 'a'], n: [1, 2.5] });
    const result = await things.updateOne(byId, { $addToSet: { tags: 'a', n: { $each: [2.5, 1] } } });
    expect(result.modifiedCount).toBe(0);
    expect((await things.findOne(byId))!.tags).toEqual(['a', 'a']);
  });

  it('treats a sub-document with its fields in another order as a new value', async () => {
    const things = db.collection('add_to_set_order');
    await things.insertOne({ _id: 1 as never, items: [{ x: 1, y: 2 }] });
    const result = await things.updateOne(byId, { $addToSet: { items: { y: 2, x: 1 } } });
    expect(result.modifiedCount).toBe(1);
    expect((await things.findOne(byId))!.items).toEqual([{ x: 1, y: 2 }, { y: 2, x: 1 }]);
  });

  it('creates a missing array from the values, each once', async () => {
    const things = db.collection('add_to_set_missing');
    await things.insertOne({ _id: 1 as never });
    await things.updateOne(byId, { $addToSet: { tags: { $each: ['a', 'b', 'a'] } } });
    expect((await things.findOne(byId))!.tags).toEqual(['a', 'b']);
  });

  it('works on the element a positional $ names', async () => {
    const things = db.collection('add_to_set_positional');
    await things.insertOne({ _id: 1 as never, groups: [{ k: 1, people: ['p', 'p'] }, { k: 2, people: [] }] });
    await things.updateOne({ _id: 1 as never, 'groups.k': 1 }, { $addToSet: { 'groups.$.people': 'q' } });
    expect((await things.findOne(byId))!.groups).toEqual([
      { k: 1, people: ['p', 'p', 'q'] },
      { k: 2, people: [] },
    ]);
  });
});

describe('fields an update creates', () => {
  it('are appended in order of their names, whatever order the update lists them in', async () => {
    const things = db.collection('new_field_order');
    await things.insertOne({ _id: 1 as never, m: 0 });
    await things.updateOne(byId, { $set: { z: 1, b: 1 }, $inc: { a: 1 }, $push: { c: 1 as never } });
    expect(Object.keys((await things.findOne(byId))!)).toEqual(['_id', 'm', 'a', 'b', 'c', 'z']);
  });

  it('are ordered inside an object the update creates, but a sub-document value is kept as given', async () => {
    const things = db.collection('new_nested_order');
    await things.insertOne({ _id: 1 as never, x: { k: 1 } });
    await things.updateOne(byId, {
      $set: { 'y.q': 1, 'y.p': 1, 'x.n': 1, 'x.l': 1, v: { s: 1, r: 1 } },
    });
    const stored = (await things.findOne(byId))!;
    expect(Object.keys(stored)).toEqual(['_id', 'x', 'v', 'y']);
    expect(Object.keys(stored.x as object)).toEqual(['k', 'l', 'n']);
    expect(Object.keys(stored.y as object)).toEqual(['p', 'q']);
    expect(Object.keys(stored.v as object)).toEqual(['s', 'r']);
  });

  it('leave fields already there in their place, also the one a $rename replaces', async () => {
    const things = db.collection('rename_order');
    await things.insertOne({ _id: 1 as never, a: 1, b: 2, c: 3 });
    await things.updateOne(byId, { $rename: { a: 'c' }, $set: { b: 20 } });
    expect(Object.entries((await things.findOne(byId))!)).toEqual([
      ['_id', 1],
      ['b', 20],
      ['c', 1],
    ]);
  });
});
