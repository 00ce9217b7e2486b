import { type Db, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';
import { againstRealMongoDb } from './server-under-test.js';

let testDb: TestDb;
let db: Db;
const caseInsensitive = { locale: 'en', strength: 2 } as const;

interface Named {
  _id: number;
  name: string;
}

beforeAll(async () => {
  testDb = await openTestDb('collation');
  db = testDb.db;
  await db.collection<Named>('names').insertMany([
    { _id: 1, name: 'Alice' },
    { _id: 2, name: 'alice' },
    { _id: 3, name: 'Bob' },
  ]);
});
afterAll(() => testDb.drop());

/**
 * MongoDB applies a collation; the embedded store compares strings by their bytes and so must
 * refuse one (CommandNotSupported, 115) rather than answer as if it had not been asked.
 */
async function expectCollatedOrRefused<T>(run: () => Promise<T>, mongoDbAnswer: T): Promise<void> {
  const outcome = await run().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (againstRealMongoDb) {
    expect(outcome).toEqual({ value: mongoDbAnswer });
    return;
  }
  expect('error' in outcome).toBe(true);
  const error = (outcome as { error: MongoServerError }).error;
  expect(error).toBeInstanceOf(MongoServerError);
  expect(error.code).toBe(115);
  expect(error.message).toMatch(/^collation is not supported by the embedded store/);
}

describe('collation', () => {
  it('a case-insensitive find finds both spellings, or is refused', async () => {
    const names = db.collection<Named>('names');
    await expectCollatedOrRefused(
      () => names.find({ name: 'ALICE' }, { collation: caseInsensitive, sort: { _id: 1 } }).toArray(),
      [
        { _id: 1, name: 'Alice' },
        { _id: 2, name: 'alice' },
      ],
    );
  });

  it('count, distinct, aggregate, update and delete take a collation too, or refuse it', async () => {
    const names = db.collection<Named>('names');
    await expectCollatedOrRefused(
      () => names.countDocuments({ name: 'alice' }, { collation: caseInsensitive }),
      2,
    );
    await expectCollatedOrRefused(
      () => names.distinct('_id', { name: 'BOB' }, { collation: caseInsensitive }),
      [3],
    );
    await expectCollatedOrRefused(
      () => names.aggregate([{ $match: { name: 'bob' } }], { collation: caseInsensitive }).toArray(),
      [{ _id: 3, name: 'Bob' }],
    );
    await expectCollatedOrRefused(
      () =>
        names
          .updateMany({ name: 'nobody' }, { $set: { seen: true } }, { collation: caseInsensitive })
          .then((result) => result.matchedCount),
      0,
    );
    await expectCollatedOrRefused(
      () =>
        names
          .deleteMany({ name: 'nobody' }, { collation: caseInsensitive })
          .then((result) => result.deletedCount),
      0,
    );
  });

  it('a collated index is created, or refused', async () => {
    await expectCollatedOrRefused(
      () => db.collection('collated_index').createIndex({ name: 1 }, { collation: caseInsensitive }),
      'name_1',
    );
  });

  it("the 'simple' collation (plain byte comparison) is accepted everywhere", async () => {
    const found = await db
      .collection<Named>('names')
      .find({ name: 'alice' }, { collation: { locale: 'simple' } })
      .toArray();
    expect(found).toEqual([{ _id: 2, name: 'alice' }]);
  });
});
