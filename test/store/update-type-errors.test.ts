import { type Db, MongoBulkWriteError, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('update_type_errors');
  db = testDb.db;
});
afterAll(() => testDb.drop());

const ORIGINAL = { _id: 1, s: 'text', n: 5, a: 3 };
/** The driver types `_id` as an ObjectId unless told otherwise; these documents use numbers. */
const byId = { _id: 1 as never };
/** The driver's types rightly refuse `$push` onto a number; the server must refuse it too. */
const pushOntoNumber = { $push: { n: 1 } } as never;

/** A fresh collection holding ORIGINAL, so each case starts from the same document. */
async function seeded(name: string) {
  const things = db.collection(name);
  await things.insertOne({ ...ORIGINAL } as never);
  return things;
}

async function rejection(promise: Promise<unknown>): Promise<MongoServerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MongoServerError);
  return error as MongoServerError;
}

// MongoDB refuses these updates with write errors; it never reports "matched 1, modified 0".
describe('updates that cannot apply to the stored type', () => {
  it('$inc on a string fails with TypeMismatch (14)', async () => {
    const things = await seeded('inc_string');
    const error = await rejection(things.updateOne(byId, { $inc: { s: 1 } }));
    expect(error.code).toBe(14);
    expect(error.message).toBe(
      "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field 's' of non-numeric type string",
    );
    expect(await things.findOne(byId)).toEqual(ORIGINAL);
  });

  it('$push to a non-array fails with BadValue (2)', async () => {
    const things = await seeded('push_scalar');
    const error = await rejection(things.updateOne(byId, pushOntoNumber));
    expect(error.code).toBe(2);
    expect(error.message).toBe(
      "The field 'n' must be an array but is of type int in document {_id: 1}",
    );
    expect(await things.findOne(byId)).toEqual(ORIGINAL);
  });

  it('$set through a scalar fails with PathNotViable (28)', async () => {
    const things = await seeded('set_through_scalar');
    const error = await rejection(things.updateOne(byId, { $set: { 'a.b': 1 } }));
    expect(error.code).toBe(28);
    expect(error.message).toBe("Cannot create field 'b' in element {a: 3}");
    expect(await things.findOne(byId)).toEqual(ORIGINAL);
  });

  it('$set through null fails too, while $unset through a scalar changes nothing', async () => {
    const things = db.collection('through_null');
    await things.insertOne({ _id: 1, a: null } as never);
    const error = await rejection(things.updateOne(byId, { $set: { 'a.b': 1 } }));
    expect(error.code).toBe(28);
    expect(error.message).toBe("Cannot create field 'b' in element {a: null}");
    const unset = await things.updateOne(byId, { $unset: { 'a.b': '' } });
    expect([unset.matchedCount, unset.modifiedCount]).toEqual([1, 0]);
  });

  it('a bulk write lists each failure in writeErrors and applies the rest', async () => {
    const things = await seeded('bulk_type_errors');
    const error = await things
      .bulkWrite(
        [
          { updateOne: { filter: byId, update: { $inc: { s: 1 } } } },
          { updateOne: { filter: byId, update: pushOntoNumber } },
          { updateOne: { filter: byId, update: { $set: { 'a.b': 1 } } } },
          { updateOne: { filter: byId, update: { $set: { ok: true } } } },
        ],
        { ordered: false },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const writeErrors = (error as MongoBulkWriteError).writeErrors;
    const list = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
    expect(list.map((one) => [one.index, one.code])).toEqual([
      [0, 14],
      [1, 2],
      [2, 28],
    ]);
    expect((error as MongoBulkWriteError).result.modifiedCount).toBe(1);
    expect(await things.findOne(byId)).toEqual({ ...ORIGINAL, ok: true });
  });

  it('an ordered bulk write stops at the first failure', async () => {
    const things = await seeded('ordered_type_errors');
    const error = await things
      .bulkWrite([
        { updateOne: { filter: byId, update: { $set: { first: true } } } },
        { updateOne: { filter: byId, update: { $inc: { s: 1 } } } },
        { updateOne: { filter: byId, update: { $set: { never: true } } } },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    expect((error as MongoBulkWriteError).code).toBe(14);
    expect(await things.findOne(byId)).toEqual({ ...ORIGINAL, first: true });
  });
});
