import { type Db, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
let db: Db;
const groupIds = { red: new ObjectId(), blue: new ObjectId() };

beforeAll(async () => {
  testDb = await openTestDb('aggregation');
  db = testDb.db;
  await db.collection('groups').insertMany([
    { _id: groupIds.red, key: 'red', label: 'Red team' },
    { _id: groupIds.blue, key: 'blue', label: 'Blue team' },
  ]);
  await db.collection('points').insertMany([
    { groupId: groupIds.red, value: 3, tags: ['a', 'b'], at: new Date('2025-01-01') },
    { groupId: groupIds.red, value: 5, tags: ['b'], at: new Date('2025-01-08') },
    { groupId: groupIds.blue, value: 4, tags: [], at: new Date('2025-01-01') },
    { groupId: groupIds.blue, value: 10, tags: ['a'], at: new Date('2025-01-15') },
    { groupId: groupIds.blue, value: 1, tags: ['c'], at: new Date('2025-01-22') },
  ]);
});
afterAll(() => testDb.drop());

describe('counting', () => {
  it('countDocuments counts matches, with skip and limit', async () => {
    const points = db.collection('points');
    expect(await points.countDocuments()).toBe(5);
    expect(await points.countDocuments({ groupId: groupIds.blue })).toBe(3);
    expect(await points.countDocuments({ value: { $gt: 2 } }, { skip: 1, limit: 2 })).toBe(2);
    expect(await db.collection('nothing_here').countDocuments()).toBe(0);
  });

  it('estimatedDocumentCount counts the whole collection', async () => {
    expect(await db.collection('points').estimatedDocumentCount()).toBe(5);
    expect(await db.collection('nothing_here').estimatedDocumentCount()).toBe(0);
  });

  it('distinct lists each value once, unwinding arrays', async () => {
    const tags = await db.collection('points').distinct('tags');
    expect([...tags].sort()).toEqual(['a', 'b', 'c']);
    const groups = await db.collection('points').distinct('groupId', { value: { $gte: 4 } });
    expect(groups.map(String).sort()).toEqual([String(groupIds.red), String(groupIds.blue)].sort());
  });
});

describe('pipelines', () => {
  it('$match, $group with accumulators, and $sort', async () => {
    const totals = await db
      .collection('points')
      .aggregate([
        { $match: { value: { $gte: 2 } } },
        {
          $group: {
            _id: '$groupId',
            total: { $sum: '$value' },
            count: { $sum: 1 },
            last: { $max: '$at' },
          },
        },
        { $sort: { total: -1 } },
      ])
      .toArray();
    expect(totals).toEqual([
      { _id: groupIds.blue, total: 14, count: 2, last: new Date('2025-01-15') },
      { _id: groupIds.red, total: 8, count: 2, last: new Date('2025-01-08') },
    ]);
  });

  it('$unwind and $project with computed fields', async () => {
    const rows = await db
      .collection('points')
      .aggregate([
        { $unwind: '$tags' },
        { $project: { _id: 0, tag: '$tags', double: { $multiply: ['$value', 2] } } },
        { $sort: { tag: 1, double: 1 } },
      ])
      .toArray();
    expect(rows).toEqual([
      { tag: 'a', double: 6 },
      { tag: 'a', double: 20 },
      { tag: 'b', double: 6 },
      { tag: 'b', double: 10 },
      { tag: 'c', double: 2 },
    ]);
  });

  it('$lookup joins another collection of the same database by ObjectId', async () => {
    const rows = await db
      .collection('points')
      .aggregate([
        { $match: { value: 10 } },
        { $lookup: { from: 'groups', localField: 'groupId', foreignField: '_id', as: 'group' } },
        { $project: { _id: 0, value: 1, label: { $first: '$group.label' } } },
      ])
      .toArray();
    expect(rows).toEqual([{ value: 10, label: 'Blue team' }]);
  });

  it('$facet runs sub-pipelines side by side, and $count counts', async () => {
    const [result] = await db
      .collection('points')
      .aggregate([
        {
          $facet: {
            big: [{ $match: { value: { $gte: 5 } } }, { $count: 'n' }],
            values: [{ $sort: { value: 1 } }, { $limit: 2 }, { $project: { _id: 0, value: 1 } }],
          },
        },
      ])
      .toArray();
    expect(result).toEqual({ big: [{ n: 2 }], values: [{ value: 1 }, { value: 3 }] });
  });

  it('groups by a date expression', async () => {
    const weeks = await db
      .collection('points')
      .aggregate([
        { $group: { _id: { $dateToString: { format: '%Y-%m-%d', date: '$at' } }, n: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(weeks).toEqual([
      { _id: '2025-01-01', n: 2 },
      { _id: '2025-01-08', n: 1 },
      { _id: '2025-01-15', n: 1 },
      { _id: '2025-01-22', n: 1 },
    ]);
  });

  it('leaves the stored documents as they were', async () => {
    await db
      .collection('points')
      .aggregate([{ $set: { value: 0 } }, { $unset: 'tags' }])
      .toArray();
    expect(await db.collection('points').countDocuments({ value: 0 })).toBe(0);
    expect(await db.collection('points').countDocuments({ tags: { $exists: true } })).toBe(5);
  });
});
