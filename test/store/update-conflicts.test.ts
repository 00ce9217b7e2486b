import { type Db, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('update_conflicts');
  db = testDb.db;
});
afterAll(() => testDb.drop());

const ORIGINAL = { _id: 1, n: 5, o: { p: 1 }, arr: ['a', 2], nums: [{ v: 1 }, { v: 'x' }] };
/** The driver types `_id` as an ObjectId unless told otherwise; these documents use numbers. */
const byId = { _id: 1 as never };

async function seeded(name: string) {
  const things = db.collection(name);
  await things.insertOne(structuredClone(ORIGINAL) as never);
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

// MongoDB refuses an update that names one path twice, or a path and its prefix, before it looks
// at any document: ConflictingUpdateOperators (40), naming the later path and where it clashes.
describe('conflicting update operators', () => {
  const cases: [string, object, string][] = [
    ['$set and $inc on one path', { $set: { n: 1 }, $inc: { n: 1 } }, "Updating the path 'n' would create a conflict at 'n'"],
    ['a path, then its prefix', { $set: { 'o.p': 1 }, $unset: { o: '' } }, "Updating the path 'o' would create a conflict at 'o'"],
    ['a prefix, then a path under it', { $set: { o: {} }, $inc: { 'o.p': 1 } }, "Updating the path 'o.p' would create a conflict at 'o'"],
    ['both in one operator', { $set: { o: {}, 'o.p': 1 } }, "Updating the path 'o.p' would create a conflict at 'o'"],
    ['$setOnInsert and $set', { $set: { n: 1 }, $setOnInsert: { n: 2 } }, "Updating the path 'n' would create a conflict at 'n'"],
  ];
  for (const [title, update, message] of cases) {
    it(`${title}: code 40, nothing changed`, async () => {
      const things = await seeded(`conflict_${title.replace(/\W+/g, '_')}`);
      const error = await rejection(things.updateOne(byId, update as never));
      expect([error.code, error.message]).toEqual([40, message]);
      const viaFindAndModify = await rejection(things.findOneAndUpdate(byId, update as never));
      expect([viaFindAndModify.code, viaFindAndModify.message]).toEqual([40, message]);
      // The update is parsed before any document is looked at, so matching none changes nothing.
      const noMatch = await rejection(things.updateMany({ _id: 99 as never }, update as never));
      expect([noMatch.code, noMatch.message]).toEqual([40, message]);
      expect(await things.findOne(byId)).toEqual(ORIGINAL);
    });
  }

  it('paths that only share a name prefix do not conflict', async () => {
    const things = await seeded('no_conflict');
    await things.updateOne(byId, { $set: { 'o.p': 2, 'o.pp': 3 }, $inc: { nn: 1, n: 1 } } as never);
    expect(await things.findOne(byId)).toEqual({ ...ORIGINAL, n: 6, o: { p: 2, pp: 3 }, nn: 1 });
  });
});

describe('$inc and $mul need numbers', () => {
  it('a non-numeric argument is a TypeMismatch (14), also on an upsert', async () => {
    const things = await seeded('inc_argument');
    const inc = await rejection(things.updateOne(byId, { $inc: { n: 'x' } } as never));
    expect([inc.code, inc.message]).toEqual([14, 'Cannot increment with non-numeric argument: {n: "x"}']);
    const mul = await rejection(things.updateOne(byId, { $mul: { 'o.p': true } } as never));
    expect([mul.code, mul.message]).toEqual([14, 'Cannot multiply with non-numeric argument: {o.p: true}']);
    const upsert = await rejection(
      things.updateOne({ _id: 2 as never }, { $inc: { n: null } } as never, { upsert: true }),
    );
    expect([upsert.code, upsert.message]).toEqual([14, 'Cannot increment with non-numeric argument: {n: null}']);
    const noMatch = await rejection(things.updateOne({ _id: 99 as never }, { $inc: { n: '1' } } as never));
    expect(noMatch.code).toBe(14);
    expect(await things.countDocuments()).toBe(1);
    expect(await things.findOne(byId)).toEqual(ORIGINAL);
  });

  it('through positional paths, a non-numeric element is a TypeMismatch (14) too', async () => {
    const things = await seeded('inc_positional');
    const first = await rejection(things.updateOne({ _id: 1 as never, arr: 'a' }, { $inc: { 'arr.$': 1 } } as never));
    expect([first.code, first.message]).toEqual([
      14,
      "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field '0' of non-numeric type string",
    ]);
    const all = await rejection(things.updateOne(byId, { $inc: { 'arr.$[]': 1 } } as never));
    expect([all.code, all.message]).toEqual([
      14,
      "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field '0' of non-numeric type string",
    ]);
    const filtered = await rejection(
      things.updateOne(byId, { $inc: { 'nums.$[x].v': 1 } } as never, { arrayFilters: [{ 'x.v': { $exists: true } }] }),
    );
    expect([filtered.code, filtered.message]).toEqual([
      14,
      "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field 'v' of non-numeric type string",
    ]);
    expect(await things.findOne(byId)).toEqual(ORIGINAL);
    // Elements that are numbers still count up, through each kind of positional path.
    await things.updateOne({ _id: 1 as never, arr: 2 }, { $inc: { 'arr.$': 1 } } as never);
    await things.updateOne(byId, { $inc: { 'nums.$[x].v': 10 } } as never, { arrayFilters: [{ 'x.v': 1 }] });
    expect(await things.findOne(byId)).toEqual({ ...ORIGINAL, arr: ['a', 3], nums: [{ v: 11 }, { v: 'x' }] });
  });
});
