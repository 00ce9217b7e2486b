import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseWorkspace } from '../../src/programme/privacy/erase-workspace.js';
import { COLLECTIONS } from '../../src/store/collections.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('erase_workspace');
});
afterAll(() => t.drop());

describe('erasing one workspace', () => {
  it("leaves another whose id starts with the first's (Slack: an enterprise and its team), counters too", async () => {
    // A review found "E1"'s erasure took "E1:T2"'s test numbers with it.
    for (const id of ['E1', 'E1:T2']) {
      const store = workspaceStore(t.db, id);
      await t.db.collection(COLLECTIONS.cases).insertOne({ workspaceId: id, caseRef: 'C1042', milestones: {}, version: 1 });
      await store.nextSequence('pdsa');
      await store.nextSequence('pdsa');
    }
    await eraseWorkspace(t.db, 'E1');
    expect(await t.db.collection(COLLECTIONS.cases).countDocuments({ workspaceId: 'E1' })).toBe(0);
    expect(await t.db.collection(COLLECTIONS.cases).countDocuments({ workspaceId: 'E1:T2' })).toBe(1);
    expect(await t.db.collection(COLLECTIONS.counters).find({}).toArray()).toEqual([{ _id: 'E1:T2:pdsa', seq: 2 }]);
    expect(await workspaceStore(t.db, 'E1:T2').nextSequence('pdsa')).toBe(3);
  });

  it('reads an id with regular-expression characters as itself', async () => {
    for (const id of ['T.1', 'TX1']) await workspaceStore(t.db, id).nextSequence('pdsa');
    await eraseWorkspace(t.db, 'T.1');
    const left = (await t.db.collection<{ _id: string }>(COLLECTIONS.counters).find({}).toArray()).map((c) => c._id);
    expect(left).toContain('TX1:pdsa');
    expect(left).not.toContain('T.1:pdsa');
  });
});
