import { type Db, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('id_validation');
  db = testDb.db;
});
afterAll(() => testDb.drop());

describe('an _id holding a $-prefixed field', () => {
  it('is refused on insert with DollarPrefixedFieldName (52)', async () => {
    const things = db.collection('dollar_ids');
    const error = await things.insertOne({ _id: { $bad: 1 } } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(52);
    expect((error as MongoServerError).message).toBe(
      "_id fields may not contain '$'-prefixed fields: $bad is not valid for storage.",
    );
    expect(await things.countDocuments()).toBe(0);
  });

  it('is refused deeper inside the _id too, while ordinary sub-document ids are fine', async () => {
    const things = db.collection('nested_dollar_ids');
    const error = await things
      .insertOne({ _id: { a: { $bad: 1 } } } as never)
      .catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(52);
    await things.insertOne({ _id: { a: { b: 1 } } } as never);
    expect(await things.countDocuments()).toBe(1);
  });
});
