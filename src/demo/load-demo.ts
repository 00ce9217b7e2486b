import type { Db } from 'mongodb';
import { seedChangeIdeas } from '../programme/change-ideas/seed-change-ideas.js';
import { ValidationError } from '../errors.js';
import { COLLECTIONS } from '../store/collections.js';
import { workspaceStore, type WorkspaceStore } from '../store/workspace-store.js';
import { generateDemo, type DemoData } from './generate-demo.js';
import { nextMeetingDate } from './demo-programme.js';

export interface DemoSummary {
  programme: string;
  groups: number;
  members: number;
  cases: number;
  cycles: number;
  measures: number;
  dataPoints: number;
  prompts: number;
  /** Local date of the next champions' meeting (YYYY-MM-DD). */
  nextMeeting: string;
}

export interface LoadDemoOptions {
  now: Date;
  seed?: string;
  /** Who asked, for the audit entry. */
  actor?: { userId: string; name: string };
  platform?: 'slack' | 'teams' | 'web';
}

/** Writes in parallel batches: each is one round trip, and 150 in a row feels slow on a laptop. */
const BATCH = 25;

/**
 * Loads Glenmoray into a workspace through the store (so every document is validated like any other
 * write). Upserts by stable keys, so loading twice leaves the same data, not twice as much. Refuses a
 * workspace whose programme is real: demo data must never mix with a local area's own.
 */
export async function loadDemo(db: Db, workspaceId: string, options: LoadDemoOptions): Promise<DemoSummary> {
  const store = workspaceStore(db, workspaceId);
  const existing = await store.programmes.findOne({});
  if (existing && !existing.demo) {
    throw new ValidationError(
      'demo_not_empty',
      `This workspace already has its own programme (${existing.name}). Demo data only loads into an empty workspace or over earlier demo data.`,
    );
  }
  const data = generateDemo({ now: options.now, ...(options.seed ? { seed: options.seed } : {}) });
  await db.collection<{ _id: string }>(COLLECTIONS.workspaces).updateOne(
    { _id: workspaceId },
    { $setOnInsert: { workspaceId, platform: options.platform ?? 'web', demo: true, createdAt: options.now, firstUserId: 'demo-admin' } },
    { upsert: true },
  );
  await writePeople(store, data);
  await store.programmes.replaceOne({}, data.programme, { upsert: true });
  await inBatches(data.groups, (g) => store.groups.replaceOne({ key: g.key }, g, { upsert: true }));
  await inBatches(data.cases, (c) => store.cases.replaceOne({ caseRef: c.caseRef }, c, { upsert: true }));
  await seedChangeIdeas(store, options.now);
  await writeCycles(store, data);
  await writeMeasures(store, data);
  await inBatches(data.prompts, (p) => store.prompts.replaceOne({ number: p.number }, p, { upsert: true }));
  await raiseSequence(store, 'prompt', data.prompts);
  await store.recordAudit({
    actor: options.actor ?? { userId: 'pacebot', name: 'pacebot' },
    entity: 'programme',
    entityId: workspaceId,
    action: 'load_demo',
    before: null,
    after: { cases: data.cases.length, cycles: data.cycles.length },
    source: { platform: options.platform ?? 'web', eventId: `demo-load-${options.now.toISOString()}` },
    at: options.now,
  });
  return {
    programme: data.programme.name,
    groups: data.groups.length,
    members: data.members.length,
    cases: data.cases.length,
    cycles: data.cycles.length,
    measures: data.measures.length,
    dataPoints: data.dataPoints.length,
    prompts: data.prompts.length,
    nextMeeting: nextMeetingDate(data.today),
  };
}

async function writePeople(store: WorkspaceStore, data: DemoData): Promise<void> {
  await inBatches(data.members, ({ userId, name, roles, createdAt }) =>
    store.members.updateOne({ userId }, { $set: { name, roles }, $setOnInsert: { createdAt } }, { upsert: true }),
  );
}

async function writeCycles(store: WorkspaceStore, data: DemoData): Promise<void> {
  await inBatches(data.cycles, (c) => store.pdsa.replaceOne({ number: c.number }, c, { upsert: true }));
  await raiseSequence(store, 'pdsa', data.cycles);
}

/** New cycles and prompts made in the chat must be numbered after the demo's, never on top of them. */
async function raiseSequence(store: WorkspaceStore, name: string, numbered: readonly { number: number }[]): Promise<void> {
  const highest = Math.max(0, ...numbered.map((n) => n.number));
  await store.db
    .collection<{ _id: string; seq: number }>(COLLECTIONS.counters)
    .updateOne({ _id: `${store.workspaceId}:${name}` }, { $max: { seq: highest } }, { upsert: true });
}

async function writeMeasures(store: WorkspaceStore, data: DemoData): Promise<void> {
  await inBatches(data.measures, (m) => store.measures.replaceOne({ key: m.key }, m, { upsert: true }));
  await inBatches(data.dataPoints, (p) =>
    store.dataPoints.replaceOne({ measureKey: p.measureKey, period: p.period }, p, { upsert: true }),
  );
  // Loaded on another day, the two-year window has moved on: drop the months that fell out of it.
  const keys = [...new Set(data.dataPoints.map((p) => p.measureKey))];
  await Promise.all(
    keys.map((measureKey) => {
      const periods = data.dataPoints.filter((p) => p.measureKey === measureKey).map((p) => p.period);
      return store.dataPoints.deleteMany({ measureKey, period: { $nin: periods } });
    }),
  );
}

async function inBatches<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    await Promise.all(items.slice(i, i + BATCH).map(write));
  }
}
