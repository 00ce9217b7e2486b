import { type Db, MongoBulkWriteError, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURSOR_IDLE_MS, CursorRegistry } from '../../src/store/embedded/engine/cursor-registry.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';
import { againstRealMongoDb } from './server-under-test.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('command_options');
  db = testDb.db;
  await db.collection('things').insertMany([
    { _id: 1, n: 1, s: 'a' },
    { _id: 2, n: 2, s: 'b' },
  ] as never[]);
  await db.collection('things').createIndex({ n: 1 }, { name: 'by_n' });
});
afterAll(() => testDb.drop());

async function rejection(promise: Promise<unknown>): Promise<MongoServerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MongoServerError);
  return error as MongoServerError;
}

const NO_SUCH_INDEX = /hint provided does not correspond to an existing index/;

// MongoDB never runs a query with a hint it cannot follow: BadValue (2), for every command that
// takes one. A hint naming an existing index, by name or key pattern, or $natural, is followed.
describe('hint', () => {
  const things = () => db.collection('things');
  const byN = { _id: 1 as never };

  it('an index that does not exist fails find, count and aggregate', async () => {
    for (const hint of ['nope', { s: 1 }, { n: -1 }]) {
      for (const run of [
        () => things().find({}, { hint }).toArray(),
        () => things().countDocuments({}, { hint }),
        () => things().aggregate([{ $match: {} }], { hint }).toArray(),
        () => db.command({ count: 'things', query: {}, hint }),
        () => things().findOneAndUpdate(byN, { $set: { x: 1 } }, { hint: hint as never }),
      ]) {
        const error = await rejection(run());
        expect(error.code, JSON.stringify(hint)).toBe(2);
        expect(error.message).toMatch(NO_SUCH_INDEX);
      }
    }
    expect(await things().findOne(byN)).toEqual({ _id: 1, n: 1, s: 'a' });
  });

  it('an index that does not exist fails update and delete statements as write errors', async () => {
    const update = await rejection(things().updateOne(byN, { $set: { x: 1 } }, { hint: 'nope' }));
    expect(update.code).toBe(2);
    expect(update.message).toMatch(NO_SUCH_INDEX);
    const remove = await rejection(things().deleteOne(byN, { hint: { s: 1 } }));
    expect(remove.code).toBe(2);
    expect(remove.message).toMatch(NO_SUCH_INDEX);
    const bulk = await things()
      .bulkWrite(
        [
          { updateOne: { filter: byN, update: { $set: { y: 1 } }, hint: 'by_n' } },
          { deleteOne: { filter: byN, hint: 'nope' } },
        ],
        { ordered: false },
      )
      .catch((e: unknown) => e);
    expect(bulk).toBeInstanceOf(MongoBulkWriteError);
    expect((bulk as MongoBulkWriteError).writeErrors).toMatchObject([{ index: 1, code: 2 }]);
    expect(await things().findOne(byN)).toEqual({ _id: 1, n: 1, s: 'a', y: 1 });
    await things().updateOne(byN, { $unset: { y: '' } });
  });

  it('an existing index by name or key pattern, _id and $natural are followed', async () => {
    for (const hint of ['by_n', { n: 1 }, '_id_', { _id: 1 }, { $natural: 1 }]) {
      expect(await things().find({ n: 2 }, { hint }).toArray()).toEqual([{ _id: 2, n: 2, s: 'b' }]);
      expect(await things().countDocuments({}, { hint })).toBe(2);
      const result = await things().updateOne({ n: 1 }, { $set: { s: 'a' } }, { hint });
      expect(result.matchedCount).toBe(1);
    }
  });

  it('a collection that does not exist answers empty, as it has no indexes to check', async () => {
    expect(await db.collection('missing').find({}, { hint: 'nope' }).toArray()).toEqual([]);
  });
});

// MongoDB's command parser refuses a field it does not know (40415), so a misspelt option fails
// instead of being ignored. The fields every command takes (sessions, read and write concerns,
// comment, maxTimeMS, the API version) pass.
describe('unknown command fields', () => {
  it('are refused, naming the command and the field', async () => {
    const cases: [object, string][] = [
      [{ find: 'things', filtr: { n: 1 } }, 'find.filtr'],
      [{ aggregate: 'things', pipeline: [], cursor: {}, hnt: 'x' }, 'aggregate.hnt'],
      [{ insert: 'things', documents: [{ _id: 9 }], orderd: false }, 'insert.orderd'],
      [{ update: 'things', updates: [], upsert: true }, 'update.upsert'],
      [{ delete: 'things', deletes: [], limit: 1 }, 'delete.limit'],
      [{ count: 'things', filter: {} }, 'count.filter'],
      [{ distinct: 'things', key: 'n', filter: {} }, 'distinct.filter'],
      // MongoDB 7.0, the version the server announces, has no hint on distinct (7.1 added it).
      [{ distinct: 'things', key: 'n', hint: 'by_n' }, 'distinct.hint'],
      [{ findAndModify: 'things', query: {}, remove: true, returnNew: true }, 'findAndModify.returnNew'],
      [{ createIndexes: 'things', indexes: [{ key: { s: 1 }, name: 's_1' }], unique: true }, 'createIndexes.unique'],
      [{ listIndexes: 'things', nameOnly: true }, 'listIndexes.nameOnly'],
    ];
    for (const [command, field] of cases) {
      const error = await rejection(db.command(command));
      expect([error.code, error.message]).toEqual([40415, `BSON field '${field}' is an unknown field.`]);
    }
    expect(await db.collection('things').countDocuments()).toBe(2);
    expect((await db.collection('things').listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_', 'by_n']);
  });

  it('the fields the driver adds pass: session, concerns, comment, maxTimeMS, API version', async () => {
    const session = testDb.client.startSession();
    try {
      const things = db.collection('things');
      const options = { session, comment: 'why', maxTimeMS: 5_000, readConcern: { level: 'local' as const } };
      expect(await things.find({ n: 1 }, options).toArray()).toHaveLength(1);
      expect(await things.countDocuments({}, options)).toBe(2);
      expect(await things.distinct('n', {}, { session, comment: 'why', maxTimeMS: 5_000 })).toEqual([1, 2]);
      const writes = { session, comment: 'why', writeConcern: { w: 1, wtimeoutMS: 1_000 } };
      await things.insertOne({ _id: 3, n: 3 } as never, { ...writes, bypassDocumentValidation: true });
      await things.updateOne({ _id: 3 as never }, { $set: { n: 4 } }, writes);
      await things.findOneAndUpdate({ _id: 3 as never }, { $set: { n: 5 } }, { ...writes, maxTimeMS: 5_000 });
      await things.deleteOne({ _id: 3 as never }, writes);
      expect(await db.command({ ping: 1, apiVersion: '1', apiStrict: false, $readPreference: { mode: 'primary' } })).toMatchObject({ ok: 1 });
      const cursor = things.find({}, { session, batchSize: 1 });
      expect(await cursor.toArray()).toHaveLength(2);
    } finally {
      await session.endSession();
    }
  });
});

// find options that change the answer are followed by MongoDB; the embedded server lacks them and
// must say so by name rather than answer as if they had not been sent.
describe('find options the embedded server does not implement', () => {
  it('returnKey, showRecordId, min and max are refused by name', async () => {
    const things = db.collection('things');
    await things.createIndex({ s: 1 });
    const runs: [string, () => Promise<unknown>][] = [
      ['returnKey', () => things.find({}, { returnKey: true, hint: 'by_n' }).toArray()],
      ['showRecordId', () => things.find({}, { showRecordId: true }).toArray()],
      ['min', () => things.find({}, { min: { n: 2 }, hint: 'by_n' }).toArray()],
      ['max', () => things.find({}, { max: { n: 2 }, hint: 'by_n' }).toArray()],
    ];
    for (const [option, run] of runs) {
      const outcome = await run().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (againstRealMongoDb) {
        expect('value' in outcome, option).toBe(true);
        continue;
      }
      const error = (outcome as { error: MongoServerError }).error;
      expect(error, option).toBeInstanceOf(MongoServerError);
      expect([error.code, error.message]).toEqual([
        238,
        `find option '${option}' is not supported by the embedded server`,
      ]);
    }
    await things.dropIndex('s_1');
  });

  it('noCursorTimeout keeps an idle cursor that would otherwise be swept', () => {
    const cursors = new CursorRegistry();
    const docs = [{ _id: 1 }, { _id: 2 }];
    const kept = cursors.open('db.c', docs, 1, false, true).id.toNumber();
    const swept = cursors.open('db.c', docs, 1).id.toNumber();
    cursors.sweep(CURSOR_IDLE_MS, Date.now() + CURSOR_IDLE_MS + 1);
    expect(cursors.getMore(kept).nextBatch).toEqual([{ _id: 2 }]);
    expect(() => cursors.getMore(swept)).toThrow(`cursor id ${swept} not found`);
  });
});
