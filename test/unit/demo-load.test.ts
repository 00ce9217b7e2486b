import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { ensureIndexes } from '../../src/store/collections.js';
import { workspaceStore, type WorkspaceStore } from '../../src/store/workspace-store.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

const NOW = new Date('2026-11-19T10:00:00Z');
let testDb: TestDb;

beforeAll(async () => {
  testDb = await openTestDb('demo_load');
  await ensureIndexes(testDb.db);
});
afterAll(() => testDb.drop());

async function counts(store: WorkspaceStore) {
  return {
    programmes: await store.programmes.countDocuments({}),
    members: await store.members.countDocuments({}),
    groups: await store.groups.countDocuments({}),
    cases: await store.cases.countDocuments({}),
    pdsa: await store.pdsa.countDocuments({}),
    measures: await store.measures.countDocuments({}),
    dataPoints: await store.dataPoints.countDocuments({}),
    changeIdeas: await store.changeIdeas.countDocuments({}),
    prompts: await store.prompts.countDocuments({}),
  };
}

describe('loading the demo', () => {
  it('writes the whole programme, and loading it again leaves the same counts', async () => {
    const store = workspaceStore(testDb.db, LOCAL_WORKSPACE_ID);
    const summary = await loadDemo(testDb.db, LOCAL_WORKSPACE_ID, { now: NOW });
    const first = await counts(store);
    expect(first).toMatchObject({ programmes: 1, members: summary.members, groups: 5, cases: 150, pdsa: summary.cycles, measures: summary.measures, dataPoints: summary.dataPoints, prompts: summary.prompts });
    expect(first.changeIdeas).toBeGreaterThan(10);
    await loadDemo(testDb.db, LOCAL_WORKSPACE_ID, { now: NOW });
    expect(await counts(store)).toEqual(first);
    // A month later the two-year window has moved on: the demo is rewritten, with no months left over.
    const later = await loadDemo(testDb.db, LOCAL_WORKSPACE_ID, { now: new Date('2026-12-21T10:00:00Z') });
    expect(await counts(store)).toEqual({ ...first, dataPoints: later.dataPoints });
    expect(await store.dataPoints.countDocuments({ period: '2024-12' })).toBe(0);
  });

  it('marks what it writes as demo data and gives the demo people their roles', async () => {
    const store = workspaceStore(testDb.db, LOCAL_WORKSPACE_ID);
    expect((await store.programmes.findOne({}))?.demo).toBe(true);
    expect(await store.cases.countDocuments({ demo: { $ne: true } })).toBe(0);
    expect(await store.pdsa.countDocuments({ demo: { $ne: true } })).toBe(0);
    expect((await store.members.findOne({ userId: 'demo-admin' }))?.roles).toEqual(['admin']);
    expect((await store.members.findOne({ userId: 'demo-coach' }))?.roles).toEqual(['coach']);
    expect((await store.groups.findOne({ leads: 'demo-lead' }))?.key).toBe('permanence-milestones');
  });

  it('numbers the next test of change and the next prompt after the demo’s', async () => {
    const store = workspaceStore(testDb.db, LOCAL_WORKSPACE_ID);
    const highest = (await store.pdsa.find({}, { sort: { number: -1 }, limit: 1 }).toArray())[0]!.number;
    expect(await store.nextSequence('pdsa')).toBe(highest + 1);
    const prompts = await store.prompts.countDocuments({});
    expect(prompts).toBeGreaterThan(0);
    expect(await store.nextSequence('prompt')).toBe(prompts + 1);
  });

  it('refuses a workspace that has a programme of its own', async () => {
    const store = workspaceStore(testDb.db, 'T-REAL');
    await store.programmes.insertOne({ name: 'Northshire PACE', timeZone: 'Europe/London', caseRefPattern: '^C\\d{4}$', ruleSet: 'ihi', createdAt: NOW, updatedAt: NOW });
    await expect(loadDemo(testDb.db, 'T-REAL', { now: NOW })).rejects.toThrow(/already has its own programme \(Northshire PACE\)/);
    expect(await store.cases.countDocuments({})).toBe(0);
  });
});
