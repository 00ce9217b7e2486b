import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIRM_LEASE_MS, RECORDS_KIND } from '../../src/programme/cases/apply-pending-records.js';
import { catalogueOf } from '../../src/programme/cases/milestone-settings.js';
import { cycleAudit } from '../../src/programme/pdsa/audit-cycle.js';
import { pendingAuditOf } from '../../src/programme/audit/pending-audit.js';
import { PdsaCycleSchema } from '../../src/store/schemas/pdsa.js';
import { writeCase } from '../../src/programme/cases/write-case.js';
import type { ModelContext } from '../../src/programme/model-context.js';
import { finishStoppedChanges } from '../../src/programme/repair/finish-stopped-changes.js';
import { ensureIndexes } from '../../src/store/collections.js';
import { workspaceStore, type WorkspaceStore } from '../../src/store/workspace-store.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

const NOW = new Date('2026-11-19T10:00:00Z');
const LATER = new Date(NOW.getTime() + CONFIRM_LEASE_MS + 1000);
let testDb: TestDb;
let store: WorkspaceStore;
const ctx = (): ModelContext => ({
  store,
  now: NOW,
  programme: null,
  actor: () => ({ userId: 'U-MO', name: 'Mo Member' }),
  source: () => ({ platform: 'web', eventId: 'e1' }),
});
const record = (caseRef: string, milestone: string, date: string) => ({ caseRef, milestone, date, planned: false });

beforeAll(async () => {
  testDb = await openTestDb('change_repair');
  await ensureIndexes(testDb.db);
  store = workspaceStore(testDb.db, 'W-REPAIR');
});
afterAll(() => testDb.drop());

describe('a change stopped half-way is finished by the repair sweep, once', () => {
  it('a date written without its audit entry gets exactly one, and a later change never replaces it unaudited', async () => {
    const change = { key: 'confirm-x1', source: { platform: 'web', eventId: 'e1', text: 'C5001 and C5002 …' } };
    await writeCase(ctx(), 'C5001', [record('C5001', 'accommodated', '2026-10-03')], catalogueOf(null), change);
    expect(await store.audit.countDocuments({ entityId: 'C5001' })).toBe(0); // the crash window
    // The next change to the case writes the waiting entry first.
    const next = { key: 'confirm-x2', source: { platform: 'web', eventId: 'e2' } };
    const write = await writeCase(ctx(), 'C5001', [record('C5001', 'first_lac_review', '2026-10-20')], catalogueOf(null), next);
    const entries = await store.audit.find({ entityId: 'C5001' }).toArray();
    expect(entries.map((e) => e.changeKey)).toEqual(['confirm-x1']);
    expect(entries[0]!.source).toEqual({ platform: 'web', eventId: 'e1' }); // never the message text
    expect(write.written.lastChange?.pendingAudit).toBe(true);
    expect(await finishStoppedChanges(testDb.db, NOW)).toMatchObject({ audited: 1 });
    expect(await finishStoppedChanges(testDb.db, NOW)).toMatchObject({ audited: 0 });
    const all = await store.audit.find({ entityId: 'C5001' }).sort({ _id: 1 }).toArray();
    expect(all.map((e) => [e.changeKey, (e.after as { version: number }).version])).toEqual([
      ['confirm-x1', 1],
      ['confirm-x2', 2],
    ]);
  });

  it('a Confirm that claimed its question and stopped is finished after its lease, then closed', async () => {
    const { insertedId } = await store.pending.insertOne({
      userId: 'U-MO',
      kind: RECORDS_KIND,
      payload: { records: [record('C6001', 'accommodated', '2026-10-03'), record('C6002', 'accommodated', '2026-10-04')] },
      source: { platform: 'web', eventId: 'e9' },
      status: 'applying',
      leaseUntil: new Date(NOW.getTime() + CONFIRM_LEASE_MS),
      createdAt: NOW,
      expiresAt: new Date(NOW.getTime() + 86_400_000),
    });
    // Within the lease the Confirm may still be running elsewhere: nothing is touched.
    expect(await finishStoppedChanges(testDb.db, NOW)).toMatchObject({ confirmations: 0 });
    expect(await finishStoppedChanges(testDb.db, LATER)).toMatchObject({ confirmations: 1 });
    expect((await store.pending.findOne({ _id: insertedId }))!.status).toBe('done');
    const cases = await store.cases.find({ caseRef: { $in: ['C6001', 'C6002'] } }).toArray();
    expect(cases.map((c) => c.milestones.accommodated?.actual).sort()).toEqual(['2026-10-03', '2026-10-04']);
    expect(await store.audit.countDocuments({ entityId: { $in: ['C6001', 'C6002'] }, action: 'record' })).toBe(2);
    expect(await finishStoppedChanges(testDb.db, LATER)).toMatchObject({ confirmations: 0, audited: 0 });
  });

  it('a test of change written with its audit entry still carried gets the entry, once', async () => {
    const cycle = {
      number: 41,
      title: 'Set agenda at the 72-hour meeting',
      changeIdea: 'Set agenda',
      groupKey: 'legal',
      ownerId: 'U-MO',
      ownerName: 'Mo Member',
      stage: 'plan' as const,
      plan: { objective: 'Try it', prediction: 'Shorter meetings', who: 'Mo', when: 'Next week' },
      rampPosition: 1,
      notes: [],
      stageDates: { plan: NOW },
      version: 0,
      createdAt: NOW,
      updatedAt: NOW,
    };
    const pendingAudit = cycleAudit(ctx(), 41, 'create', null, cycle);
    const parsed = PdsaCycleSchema.safeParse({ ...cycle, workspaceId: 'W-REPAIR', pendingAudit });
    if (!parsed.success) throw new Error(`fixture cycle does not fit the schema: ${parsed.error.message}`);
    await store.pdsa.insertOne({ ...parsed.data, pendingAudit });
    expect(await store.audit.countDocuments({ entity: 'pdsa', entityId: 'T-41' })).toBe(0);
    expect((await finishStoppedChanges(testDb.db, NOW)).audited).toBeGreaterThanOrEqual(1);
    expect(await finishStoppedChanges(testDb.db, NOW)).toMatchObject({ audited: 0 });
    const entries = await store.audit.find({ entity: 'pdsa', entityId: 'T-41' }).toArray();
    expect(entries.map((e) => [e.action, e.actor.userId, e.before])).toEqual([['create', 'U-MO', null]]);
    expect((await store.pdsa.findOne({ number: 41 }))!.pendingAudit).toBeUndefined();
  });

  it("a retention extension written with its audit entry still carried gets the entry, once", async () => {
    const pendingAudit = pendingAuditOf(ctx(), {
      entity: 'case',
      entityId: 'C5901',
      action: 'retention_extend',
      before: { retentionDue: '2026-06-01' },
      after: { keepUntil: '2027-06-30', reason: 'awaiting the court date' },
    });
    await store.cases.insertOne({ caseRef: 'C5901', milestones: {}, version: 1, keepUntil: '2027-06-30', pendingAudit, createdAt: NOW, updatedAt: NOW });
    expect((await finishStoppedChanges(testDb.db, NOW)).audited).toBeGreaterThanOrEqual(1);
    expect(await finishStoppedChanges(testDb.db, NOW)).toMatchObject({ audited: 0 });
    expect(await store.audit.countDocuments({ entityId: 'C5901', action: 'retention_extend' })).toBe(1);
    expect((await store.cases.findOne({ caseRef: 'C5901' }))!.pendingAudit).toBeUndefined();
  });
  it('a snoozed alert written with its audit entry still carried gets the entry, in a workspace carrying nothing else', async () => {
    // Its own workspace: the sweep must find it by the notices alone, not because cases carry entries too.
    const own = workspaceStore(testDb.db, 'W-REPAIR-NOTICE');
    const snoozed = { status: 'snoozed', snoozedUntil: new Date('2026-12-17T10:00:00Z') };
    const pendingAudit = pendingAuditOf(ctx(), { entity: 'case', entityId: 'C5950', action: 'alert_snooze', before: { status: 'open' }, after: snoozed });
    await own.notices.insertOne({
      kind: 'drift',
      key: 'drift:legal:C5950:accommodated:permanence_recommendation:30',
      caseRef: 'C5950',
      holderIds: ['U-MO'],
      ...snoozed,
      round: 0,
      queuedRound: 0,
      version: 2,
      pendingAudit,
      createdAt: NOW,
      updatedAt: NOW,
    } as never);
    expect((await finishStoppedChanges(testDb.db, NOW)).audited).toBeGreaterThanOrEqual(1);
    expect(await own.audit.countDocuments({ entityId: 'C5950', action: 'alert_snooze' })).toBe(1);
    expect((await own.notices.findOne({ caseRef: 'C5950' }))!.pendingAudit).toBeUndefined();
  });

  it('a coach prompt written with its audit entry still carried gets the entry, once, whatever its workspace carries', async () => {
    const own = workspaceStore(testDb.db, 'W-REPAIR-PROMPT');
    const prompt = { number: 7, kind: 'prompt' as const, groupKey: 'legal', text: 'What did you try this week?' };
    const pendingAudit = pendingAuditOf(ctx(), { entity: 'prompt', entityId: 'P-7', action: 'schedule', before: null, after: prompt });
    await own.prompts.insertOne({ ...prompt, createdBy: ctx().actor(), status: 'active', createdAt: NOW, updatedAt: NOW, pendingAudit });
    expect((await finishStoppedChanges(testDb.db, NOW)).audited).toBeGreaterThanOrEqual(1);
    await finishStoppedChanges(testDb.db, NOW);
    expect(await own.audit.countDocuments({ entityId: 'P-7', action: 'schedule' })).toBe(1);
    expect((await own.prompts.findOne({ number: 7 }))!.pendingAudit).toBeUndefined();
  });
});
