import { type Db, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('collections');
  db = testDb.db;
});
afterAll(() => testDb.drop());

const collectionNames = async (filter: object = {}): Promise<string[]> =>
  (await db.listCollections(filter, { nameOnly: true }).toArray())
    .map((entry) => entry.name)
    .sort();

describe('collections', () => {
  it('creates collections implicitly on first write and explicitly with create', async () => {
    await db.collection('implicit').insertOne({ a: 1 });
    await db.createCollection('explicit');
    expect(await collectionNames()).toEqual(expect.arrayContaining(['explicit', 'implicit']));
  });

  it('refuses to create a collection that exists (NamespaceExists, 48)', async () => {
    await db.createCollection('twice');
    const error = await db.createCollection('twice').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(48);
  });

  it('filters listCollections by name and returns full entries without nameOnly', async () => {
    await db.createCollection('listed_one');
    await db.createCollection('listed_two');
    expect(await collectionNames({ name: 'listed_one' })).toEqual(['listed_one']);
    expect(await collectionNames({ name: { $in: ['listed_two', 'absent'] } })).toEqual([
      'listed_two',
    ]);
    const [full] = await db.listCollections({ name: 'listed_one' }).toArray();
    expect(full).toMatchObject({ name: 'listed_one', type: 'collection' });
  });

  it('drops a collection with its documents and indexes', async () => {
    const doomed = db.collection('doomed');
    await doomed.insertOne({ a: 1 });
    await doomed.createIndex({ a: 1 }, { unique: true });
    expect(await doomed.drop()).toBe(true);
    expect(await collectionNames({ name: 'doomed' })).toEqual([]);
    await doomed.insertOne({ a: 1 });
    await doomed.insertOne({ a: 1 });
    expect(await doomed.countDocuments()).toBe(2);
  });
});

describe('indexes', () => {
  it('lists the _id index first, then the created ones with their options', async () => {
    const things = db.collection('indexed');
    await things.createIndex({ a: 1 }, { unique: true, name: 'a_unique' });
    await things.createIndex({ b: -1, c: 1 });
    const indexes = await things.listIndexes().toArray();
    expect(indexes.map((index) => [index.name, index.key])).toEqual([
      ['_id_', { _id: 1 }],
      ['a_unique', { a: 1 }],
      ['b_-1_c_1', { b: -1, c: 1 }],
    ]);
    expect(indexes[1]?.unique).toBe(true);
    expect(await things.indexExists('a_unique')).toBe(true);
  });

  it('drops one index by name, by key, or all but _id', async () => {
    const things = db.collection('drop_indexes');
    await things.createIndexes([
      { key: { a: 1 } },
      { key: { b: 1 } },
      { key: { c: 1 }, unique: true },
    ]);
    await things.dropIndex('a_1');
    await things.dropIndex({ b: 1 } as never);
    expect((await things.listIndexes().toArray()).map((index) => index.name)).toEqual([
      '_id_',
      'c_1',
    ]);
    await things.dropIndexes();
    expect((await things.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_']);
    await things.insertMany([{ c: 1 }, { c: 1 }]);
    expect(await things.countDocuments({ c: 1 })).toBe(2);
  });

  it('reports a missing index (27), the _id index as undroppable, and a missing collection (26)', async () => {
    const things = db.collection('drop_errors');
    await things.insertOne({ a: 1 });
    expect(
      ((await things.dropIndex('nope').catch((e: unknown) => e)) as MongoServerError).code,
    ).toBe(27);
    expect(await things.dropIndex('_id_').catch((e: unknown) => e)).toBeInstanceOf(
      MongoServerError,
    );
    const missing = await db
      .collection('no_such_collection')
      .listIndexes()
      .toArray()
      .catch((e: unknown) => e);
    expect((missing as MongoServerError).code).toBe(26);
  });
});

describe('databases and commands', () => {
  it('dropDatabase removes every collection', async () => {
    const other = testDb.client.db(`${db.databaseName}_other`);
    await other.collection('a').insertOne({ a: 1 });
    await other.collection('b').insertOne({ b: 1 });
    expect(await other.dropDatabase()).toBe(true);
    expect(await other.listCollections().toArray()).toEqual([]);
  });

  it('lists databases including this one', async () => {
    await db.collection('present').insertOne({ a: 1 });
    const { databases } = await testDb.client.db('admin').admin().listDatabases();
    expect(databases.map((entry) => entry.name)).toContain(db.databaseName);
  });

  it('answers ping and hello', async () => {
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
    const hello = await db.command({ hello: 1 });
    expect(hello.isWritablePrimary).toBe(true);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(9);
  });

  it('answers an unknown command with CommandNotFound (59)', async () => {
    const error = await db.command({ frobnicate: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(59);
    expect((error as MongoServerError).codeName).toBe('CommandNotFound');
    expect((error as MongoServerError).message).toMatch(/no such command: 'frobnicate'/);
  });
});
