import { type Db, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('cursors');
  db = testDb.db;
  await db.collection('many').insertMany(
    Array.from({ length: 250 }, (_, i) => ({
      i,
      group: i % 5,
      at: new Date(Date.UTC(2025, 0, 1 + (i % 50))),
    })),
  );
});
afterAll(() => testDb.drop());

describe('sort, skip, limit and projection', () => {
  it('sorts ascending and descending, then skips and limits', async () => {
    const docs = await db
      .collection('many')
      .find({}, { projection: { _id: 0, i: 1 } })
      .sort({ i: -1 })
      .skip(10)
      .limit(3)
      .toArray();
    expect(docs).toEqual([{ i: 239 }, { i: 238 }, { i: 237 }]);
  });

  it('sorts on several keys, including a Date', async () => {
    const docs = await db
      .collection('many')
      .find({ i: { $lt: 100 } }, { projection: { _id: 0, i: 1, at: 1 } })
      .sort({ at: -1, i: 1 })
      .limit(3)
      .toArray();
    expect(docs.map((doc) => doc.i)).toEqual([49, 99, 48]);
    expect(docs[0]?.at).toEqual(new Date(Date.UTC(2025, 0, 50)));
  });

  it('sorts on a field the projection leaves out', async () => {
    const docs = await db
      .collection('many')
      .find({ group: 0 }, { projection: { _id: 0, group: 1 } })
      .sort({ i: -1 })
      .limit(2)
      .toArray();
    expect(docs).toEqual([{ group: 0 }, { group: 0 }]);
  });
});

describe('batches', () => {
  it('returns more than the default first batch of 101 through getMore', async () => {
    const docs = await db.collection('many').find({}).sort({ i: 1 }).toArray();
    expect(docs).toHaveLength(250);
    expect(docs.map((doc) => doc.i)).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it('honours a small batchSize across many getMore calls', async () => {
    const seen: number[] = [];
    for await (const doc of db
      .collection('many')
      .find({ group: 1 }, { batchSize: 7 })
      .sort({ i: 1 })) {
      seen.push(doc.i as number);
    }
    expect(seen).toHaveLength(50);
    expect(seen[49]).toBe(246);
  });

  it('keeps a cursor usable while other writes happen', async () => {
    const cursor = db.collection('many').find({}, { batchSize: 5 }).sort({ i: 1 });
    const first = await cursor.next();
    await db.collection('other').insertOne({ unrelated: true });
    const rest = await cursor.toArray();
    expect([first?.i, rest[0]?.i, rest.length]).toEqual([0, 1, 249]);
  });

  it('applies a limit larger than a batch', async () => {
    const docs = await db
      .collection('many')
      .find({}, { batchSize: 20 })
      .sort({ i: 1 })
      .limit(150)
      .toArray();
    expect(docs).toHaveLength(150);
    expect(docs.at(-1)?.i).toBe(149);
  });

  it('streams aggregate results in batches too', async () => {
    const docs = await db
      .collection('many')
      .aggregate([{ $sort: { i: -1 } }, { $project: { _id: 0, i: 1 } }], { batchSize: 30 })
      .toArray();
    expect(docs).toHaveLength(250);
    expect(docs[0]).toEqual({ i: 249 });
  });
});

describe('killCursors', () => {
  it('is sent when a cursor is closed before the end, and succeeds', async () => {
    // The shared helper's client does not monitor commands; this one does.
    const monitored = new MongoClient(inject('mongoUri'), { monitorCommands: true });
    const outcomes: string[] = [];
    monitored.on('commandSucceeded', (event) => outcomes.push(`ok:${event.commandName}`));
    monitored.on('commandFailed', (event) => outcomes.push(`failed:${event.commandName}`));
    try {
      const cursor = monitored.db(db.databaseName).collection('many').find({}, { batchSize: 10 });
      await cursor.next();
      await cursor.close();
      expect(outcomes).toContain('ok:killCursors');
      expect(outcomes.filter((outcome) => outcome.startsWith('failed:'))).toEqual([]);
    } finally {
      await monitored.close();
    }
  });

  it('ends the server-side cursor, so a later getMore on it fails', async () => {
    const first = await db.command({ find: 'many', filter: {}, batchSize: 2 });
    const id = first.cursor.id;
    const killed = await db.command({ killCursors: 'many', cursors: [id] });
    expect(killed.cursorsKilled.map(String)).toEqual([String(id)]);
    await expect(db.command({ getMore: id, collection: 'many' })).rejects.toMatchObject({
      code: 43,
    });
  });
});
