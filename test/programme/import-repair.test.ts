import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport, APPLY_LEASE_MS, claimImport, importKey } from '../../src/programme/imports/apply-import.js';
import { finishStoppedImports } from '../../src/programme/imports/finish-stopped-imports.js';
import { previewImport } from '../../src/programme/imports/preview-import.js';
import { claimImportUndo, importUndoKey, undoImport } from '../../src/programme/imports/undo-import.js';
import type { ModelContext } from '../../src/programme/model-context.js';
import { ensureIndexes } from '../../src/store/collections.js';
import { workspaceStore, type WorkspaceStore } from '../../src/store/workspace-store.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

const NOW = new Date('2026-11-19T10:00:00Z');
const CSV = Buffer.from(
  'Case ref,Accommodated,First LAC review\nC2001,03/02/2025,20/02/2025\nC2002,04/02/2025,21/02/2025\nC2003,05/02/2025,\n',
);

let testDb: TestDb;
let store: WorkspaceStore;
const ctx = (now = NOW): ModelContext => ({
  store,
  now,
  programme: null,
  actor: () => ({ userId: 'U-ADMIN', name: 'Alex Admin' }),
  source: () => ({ platform: 'web', eventId: 'e1' }),
});

beforeAll(async () => {
  testDb = await openTestDb('import_repair');
  await ensureIndexes(testDb.db);
  store = workspaceStore(testDb.db, 'W-REPAIR');
});
afterAll(() => testDb.drop());

describe('an import stopped part-way is finished once, never doubled', () => {
  it('a crash after some case writes and before their audit: finishing writes the rest and one audit entry each', async () => {
    const { imp } = await previewImport(ctx(), { name: 't.csv', data: CSV }, 'U-ADMIN');
    const claimed = (await claimImport(ctx(), imp._id.toHexString(), 'U-ADMIN'))!;
    expect(claimed.status).toBe('applying');
    // What a process killed mid-import leaves: one case written with its stamp, no audit, status applying.
    const key = importKey(claimed);
    await store.cases.insertOne({
      caseRef: 'C2001',
      milestones: { accommodated: { actual: '2025-02-03' }, first_lac_review: { actual: '2025-02-20' } },
      version: 1,
      lastChange: {
        key,
        action: 'import',
        before: {},
        version: 0,
        at: NOW,
        actor: { userId: 'U-ADMIN', name: 'Alex Admin' },
        source: { platform: 'import', eventId: key, file: 't.csv', row: 2 },
        pendingAudit: true,
      },
      createdAt: NOW,
      updatedAt: NOW,
    });
    // Within the lease nobody else takes it; after it, the sweep does.
    expect(await finishStoppedImports(testDb.db, NOW)).toBe(0);
    const later = new Date(NOW.getTime() + APPLY_LEASE_MS + 1000);
    expect(await finishStoppedImports(testDb.db, later)).toBe(1);
    const cases = await store.cases.find({}, { sort: { caseRef: 1 } }).toArray();
    expect(cases.map((c) => [c.caseRef, c.version])).toEqual([['C2001', 1], ['C2002', 1], ['C2003', 1]]);
    const audit = await store.audit.find({ action: 'import' }).toArray();
    expect(audit.map((a) => a.entityId).sort()).toEqual(['C2001', 'C2002', 'C2003']);
    const again = (await store.imports.findOne({ _id: imp._id }))!;
    expect(again.status).toBe('applied');
    expect(again.rows).toEqual([]);
    // A second finish, or the same apply run again, adds nothing.
    expect(await finishStoppedImports(testDb.db, later)).toBe(0);
    await applyImport(ctx(later), { ...claimed, status: 'applying' });
    expect(await store.audit.countDocuments({ action: 'import' })).toBe(3);
    expect((await store.cases.findOne({ caseRef: 'C2002' }))!.version).toBe(1);
  });

  it('a date confirmed by someone between preview and Confirm is neither overwritten nor lost', async () => {
    const file = Buffer.from('Case ref,Accommodated,First LAC review\nC3001,03/02/2025,20/02/2025\n');
    const { imp } = await previewImport(ctx(), { name: 'u.csv', data: file }, 'U-ADMIN');
    await store.cases.insertOne({
      caseRef: 'C3001',
      milestones: { permanence_recommendation: { actual: '2025-06-01' } },
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const claimed = (await claimImport(ctx(), imp._id.toHexString(), 'U-ADMIN'))!;
    const done = await applyImport(ctx(), claimed);
    expect(done.cases).toBe(1);
    const c3001 = (await store.cases.findOne({ caseRef: 'C3001' }))!;
    expect(c3001.milestones).toEqual({
      accommodated: { actual: '2025-02-03' },
      first_lac_review: { actual: '2025-02-20' },
      permanence_recommendation: { actual: '2025-06-01' },
    });
    expect(c3001.version).toBe(2);
  });
});

describe('taking an import back, stopped part-way, is finished once', () => {
  it('an undo claimed and then stopped: the sweep finishes it after the lease, one undo entry per case, and again adds nothing', async () => {
    const file = Buffer.from('Case ref,Accommodated\nC4001,03/02/2025\nC4002,04/02/2025\n');
    const { imp } = await previewImport(ctx(), { name: 'v.csv', data: file }, 'U-ADMIN');
    await applyImport(ctx(), (await claimImport(ctx(), imp._id.toHexString(), 'U-ADMIN'))!);
    const number = imp.number;
    // What a process killed right after the admin pressed Undo leaves: the import claimed, no case written.
    const claimed = (await claimImportUndo(ctx(), number))!;
    expect(claimed.status).toBe('undoing');
    expect((await store.imports.findOne({ number }))!.undoneBy?.userId).toBe('U-ADMIN');
    expect(await claimImportUndo(ctx(), number)).toBeNull();
    const refs = { caseRef: { $in: ['C4001', 'C4002'] } };
    expect(await finishStoppedImports(testDb.db, NOW)).toBe(0);
    const later = new Date(NOW.getTime() + APPLY_LEASE_MS + 1000);
    expect(await finishStoppedImports(testDb.db, later)).toBe(1);
    const cases = await store.cases.find(refs, { sort: { caseRef: 1 } }).toArray();
    expect(cases.map((c) => [c.caseRef, c.milestones, c.lastChange?.key])).toEqual([
      ['C4001', {}, importUndoKey({ number })],
      ['C4002', {}, importUndoKey({ number })],
    ]);
    // Audited as the admin who asked, each undo naming the import's entry for that case.
    const undos = await store.audit.find({ action: 'undo', entityId: { $in: ['C4001', 'C4002'] } }).toArray();
    expect(undos.map((u) => u.actor.userId)).toEqual(['U-ADMIN', 'U-ADMIN']);
    const imported = await store.audit.find({ changeKey: importKey({ number }), entityId: { $in: ['C4001', 'C4002'] } }).toArray();
    expect(undos.map((u) => (u.after as { undoes?: string }).undoes).sort()).toEqual(imported.map((e) => e._id.toHexString()).sort());
    expect((await store.imports.findOne({ number }))!.status).toBe('undone');
    // The import's own entry for being taken back, written by the sweep as by the button.
    expect(await store.audit.countDocuments({ entity: 'programme', action: 'import_undo', entityId: importKey({ number }) })).toBe(1);
    // Finishing again, or the same undo run again, changes nothing.
    expect(await finishStoppedImports(testDb.db, later)).toBe(0);
    expect((await undoImport(ctx(later), claimed)).reverted).toBe(0);
    expect(await store.audit.countDocuments({ action: 'undo', entityId: { $in: ['C4001', 'C4002'] } })).toBe(2);
    expect(await store.audit.countDocuments({ action: 'import_undo', entityId: importKey({ number }) })).toBe(1);
  });
});
