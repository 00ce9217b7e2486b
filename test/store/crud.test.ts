import { Binary, type Db, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('crud');
  db = testDb.db;
});
afterAll(() => testDb.drop());

describe('insert and read back', () => {
  it('generates an ObjectId _id when the document has none', async () => {
    const things = db.collection('generated_ids');
    const { insertedId } = await things.insertOne({ name: 'a' });
    expect(insertedId).toBeInstanceOf(ObjectId);
    const found = await things.findOne({ _id: insertedId });
    expect(found).toEqual({ _id: insertedId, name: 'a' });
  });

  it('keeps a client-chosen _id of any scalar type', async () => {
    const things = db.collection('chosen_ids');
    await things.insertMany([
      { _id: 'text' as never },
      { _id: 7 as never },
      { _id: { a: 1 } as never },
    ]);
    expect(await things.findOne({ _id: 'text' as never })).toEqual({ _id: 'text' });
    expect(await things.findOne({ _id: 7 as never })).toEqual({ _id: 7 });
    expect(await things.findOne({ _id: { a: 1 } as never })).toEqual({ _id: { a: 1 } });
  });

  it('round-trips Date, ObjectId, Binary, nested documents, arrays, booleans and null', async () => {
    const things = db.collection('types');
    const ref = new ObjectId();
    const at = new Date('2025-03-04T05:06:07.089Z');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]);
    const { insertedId } = await things.insertOne({
      ref,
      at,
      png,
      nested: { list: [1, 'two', { three: 3 }], flag: true, nothing: null },
      ratio: 0.25,
      big: 2 ** 40,
    });
    const found = await things.findOne({ _id: insertedId });
    expect(found?.ref).toBeInstanceOf(ObjectId);
    expect(found?.ref.equals(ref)).toBe(true);
    expect(found?.at).toEqual(at);
    expect(found?.png).toBeInstanceOf(Binary);
    expect(Buffer.from((found!.png as Binary).buffer)).toEqual(png);
    expect(found?.nested).toEqual({ list: [1, 'two', { three: 3 }], flag: true, nothing: null });
    expect(found?.ratio).toBe(0.25);
    expect(found?.big).toBe(2 ** 40);
  });
});

describe('query shapes', () => {
  const ids = [new ObjectId(), new ObjectId(), new ObjectId(), new ObjectId()];
  beforeAll(async () => {
    await db.collection('people').insertMany([
      {
        _id: ids[0],
        name: 'Ada',
        age: 36,
        team: 'red',
        tags: ['x', 'y'],
        at: new Date('2025-01-01'),
        address: { city: 'Leeds' },
      },
      {
        _id: ids[1],
        name: 'Bo',
        age: 25,
        team: 'blue',
        tags: ['y'],
        at: new Date('2025-02-01'),
        address: { city: 'York' },
      },
      {
        _id: ids[2],
        name: 'Cy',
        age: 41,
        team: 'red',
        tags: [],
        at: new Date('2025-03-01'),
        manager: ids[0],
      },
      { _id: ids[3], name: 'Di', age: 19, team: null, at: new Date('2025-04-01'), manager: ids[0] },
    ]);
  });
  const names = async (filter: object): Promise<string[]> =>
    (await db.collection('people').find(filter).sort({ name: 1 }).toArray()).map(
      (doc) => doc.name as string,
    );

  it('finds by _id ObjectId and by $in of ObjectIds', async () => {
    expect(await names({ _id: new ObjectId(ids[1]!.toHexString()) })).toEqual(['Bo']);
    expect(await names({ _id: { $in: [ids[0], ids[2], new ObjectId()] } })).toEqual(['Ada', 'Cy']);
    expect(await names({ manager: ids[0] })).toEqual(['Cy', 'Di']);
    expect(await names({ _id: { $nin: [ids[0], ids[1]] } })).toEqual(['Cy', 'Di']);
  });

  it('compares numbers and dates with $gt/$gte/$lt/$lte', async () => {
    expect(await names({ age: { $gte: 25, $lt: 41 } })).toEqual(['Ada', 'Bo']);
    expect(await names({ at: { $gte: new Date('2025-02-01') } })).toEqual(['Bo', 'Cy', 'Di']);
    expect(await names({ at: { $lt: new Date('2025-02-01') } })).toEqual(['Ada']);
  });

  it('matches dotted paths, array elements, $all, $size and $elemMatch', async () => {
    expect(await names({ 'address.city': 'York' })).toEqual(['Bo']);
    expect(await names({ tags: 'y' })).toEqual(['Ada', 'Bo']);
    expect(await names({ tags: { $all: ['x', 'y'] } })).toEqual(['Ada']);
    expect(await names({ tags: { $size: 0 } })).toEqual(['Cy']);
    expect(await names({ tags: { $elemMatch: { $eq: 'x' } } })).toEqual(['Ada']);
  });

  it('treats null as null-or-missing and supports $exists', async () => {
    expect(await names({ team: null })).toEqual(['Di']);
    expect(await names({ manager: { $exists: false } })).toEqual(['Ada', 'Bo']);
    expect(await names({ tags: { $exists: true } })).toEqual(['Ada', 'Bo', 'Cy']);
  });

  it('combines $or, $and, $nor, $not, $ne and $regex', async () => {
    expect(await names({ $or: [{ age: { $lt: 20 } }, { name: 'Ada' }] })).toEqual(['Ada', 'Di']);
    expect(await names({ $and: [{ team: 'red' }, { age: { $gt: 40 } }] })).toEqual(['Cy']);
    expect(await names({ $nor: [{ team: 'red' }, { team: 'blue' }] })).toEqual(['Di']);
    expect(await names({ age: { $not: { $gt: 30 } } })).toEqual(['Bo', 'Di']);
    expect(await names({ team: { $ne: 'red' } })).toEqual(['Bo', 'Di']);
    expect(await names({ name: { $regex: '^[ab]', $options: 'i' } })).toEqual(['Ada', 'Bo']);
    expect(await names({ name: /y$/ })).toEqual(['Cy']);
  });

  it('applies inclusion and exclusion projections', async () => {
    const people = db.collection('people');
    expect(await people.findOne({ name: 'Bo' }, { projection: { name: 1, _id: 0 } })).toEqual({
      name: 'Bo',
    });
    const without = await people.findOne(
      { name: 'Bo' },
      { projection: { tags: 0, at: 0, address: 0 } },
    );
    expect(without).toEqual({ _id: ids[1], name: 'Bo', age: 25, team: 'blue' });
    expect(
      await people.findOne({ name: 'Ada' }, { projection: { 'address.city': 1, _id: 0 } }),
    ).toEqual({
      address: { city: 'Leeds' },
    });
  });
});

describe('replace and delete', () => {
  it('replaceOne keeps the _id and swaps every other field', async () => {
    const things = db.collection('replace');
    const { insertedId } = await things.insertOne({ a: 1, b: 2 });
    const result = await things.replaceOne({ _id: insertedId }, { c: 3 });
    expect(result.modifiedCount).toBe(1);
    expect(await things.findOne({ _id: insertedId })).toEqual({ _id: insertedId, c: 3 });
  });

  it('deleteOne removes one match and deleteMany all of them', async () => {
    const things = db.collection('delete');
    await things.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await things.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect(await things.countDocuments({ k: 1 })).toBe(2);
    expect((await things.deleteMany({ k: 1 })).deletedCount).toBe(2);
    expect((await things.deleteMany({ k: 9 })).deletedCount).toBe(0);
    expect(await things.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ k: 2 }]);
  });

  it('reports a write to a missing collection as matching nothing', async () => {
    const missing = db.collection('never_created');
    expect((await missing.updateOne({ a: 1 }, { $set: { b: 1 } })).matchedCount).toBe(0);
    expect((await missing.deleteMany({})).deletedCount).toBe(0);
    expect(await missing.findOne({})).toBeNull();
  });
});
