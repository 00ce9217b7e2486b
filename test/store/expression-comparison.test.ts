import { type Db, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await openTestDb('expression_comparison');
  db = testDb.db;
  await db.collection('values').insertMany([
    { _id: 1, v: 5 },
    { _id: 2, v: 'x' },
    { _id: 3, v: null },
    { _id: 4 },
    { _id: 5, v: [1, 2] },
  ] as never[]);
});
afterAll(() => testDb.drop());

/** Evaluates each expression once, with no document fields in play. */
async function evaluate(expressions: Record<string, unknown>): Promise<Record<string, unknown>> {
  const [result] = await db
    .aggregate([{ $documents: [{}] }, { $project: expressions }])
    .toArray();
  return result ?? {};
}

// Aggregation comparisons order values of different types by the BSON type order (unlike query
// operators, which only compare values of the same type).
describe('aggregation comparison expressions', () => {
  it('compare across types by the BSON type order', async () => {
    expect(
      await evaluate({
        numberBelowString: { $lt: [5, 'x'] },
        nullBelowNumber: { $lt: [null, 1] },
        objectAboveString: { $gt: [{ $literal: { a: 1 } }, 'x'] },
        arrayAboveObject: { $gt: [{ $literal: [1] }, { $literal: { a: 1 } }] },
        boolBelowDate: { $lt: [true, new Date('2025-01-01')] },
        objectIdBelowBool: { $lt: [new ObjectId(), false] },
        stringAgainstNumber: { $cmp: ['a', 1] },
        missingBelowNull: { $lt: ['$missing', null] },
        missingIsNotNull: { $eq: ['$missing', null] },
        arraysElementWise: { $gt: [{ $literal: [1, 3] }, { $literal: [1, 2, 9] }] },
        arrayIsNotItsElement: { $eq: [{ $literal: [1, 2] }, 1] },
        numbersByValue: { $eq: [1, 1.0] },
      }),
    ).toEqual({
      numberBelowString: true,
      nullBelowNumber: true,
      objectAboveString: true,
      arrayAboveObject: true,
      boolBelowDate: true,
      objectIdBelowBool: true,
      stringAgainstNumber: 1,
      missingBelowNull: true,
      missingIsNotNull: false,
      arraysElementWise: true,
      arrayIsNotItsElement: false,
      numbersByValue: true,
    });
  });

  it('$expr in find uses the same order', async () => {
    const above = await db
      .collection('values')
      .find({ $expr: { $gt: ['$v', 4] } }, { sort: { _id: 1 } })
      .toArray();
    // 'x' and the array sort above every number; null and a missing field below.
    expect(above.map((doc) => doc._id)).toEqual([1, 2, 5]);
    const equalNull = await db
      .collection('values')
      .find({ $expr: { $eq: ['$v', null] } })
      .toArray();
    expect(equalNull.map((doc) => doc._id)).toEqual([3]);
  });
});
