import { type AnyBulkWriteOperation, ObjectId } from 'mongodb';
import type { Case } from '../../store/schemas/case.js';
import type { TrackerImport } from '../../store/schemas/tracker-import.js';
import { ignoreDuplicates } from '../../store/ignore-duplicates.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { catalogueOf } from '../cases/milestone-settings.js';
import { keepReferenceShape } from '../cases/case-ref-example.js';
import { auditStampedChanges } from '../cases/audit-stamped-change.js';
import { applyRecords } from '../cases/record-changes.js';
import { setCaseTeam } from '../cases/case-team.js';
import { changeStamp } from '../cases/write-case.js';
import type { ModelContext } from '../model-context.js';
import { planImport, type ImportPlan } from './plan-import.js';

/** Writes go in batches: one round trip per batch, and no single command grows past the wire limit. */
const BATCH = 500;
/** A pass that loses races to concurrent edits is re-planned; after this many it reports the rest. */
const MAX_PASSES = 3;

export interface AppliedImport {
  number: number;
  cases: number;
  newCases: number;
  newDates: number;
  changedDates: number;
  unchangedDates: number;
  refused: { row: number | string; reason: string }[];
}

/** The key an import stamps on each case it writes; unique per workspace and import. */
export const importKey = (imp: Pick<TrackerImport, 'number'>) => `import-${imp.number}`;

/**
 * The import a key names: `import-3` (its change) or `import-3-undo` (taking it back,
 * undo-import.ts); null for any other key.
 */
export function importOfKey(key: string | undefined): { number: number; undo: boolean } | null {
  const match = /^import-(\d+)(-undo)?$/.exec(key ?? '');
  return match ? { number: Number(match[1]), undo: match[2] !== undefined } : null;
}

function caseWrites(
  ctx: ModelContext,
  imp: TrackerImport,
  plan: ImportPlan,
  held: ReadonlyMap<string, Pick<Case, 'milestones' | 'version'>>,
): AnyBulkWriteOperation<Case>[] {
  const workspaceId = ctx.store.workspaceId;
  const key = importKey(imp);
  const asImporter = { now: ctx.now, actor: () => imp.actor };
  return plan.cases.map(({ caseRef, row, changes }) => {
    const current = held.get(caseRef) ?? null;
    const records = changes.map((c) => c.record);
    const milestones = applyRecords(current?.milestones ?? {}, records);
    const source = { platform: 'import', eventId: key, file: imp.fileName, row };
    const lastChange = changeStamp(asImporter, { key, source }, 'import', current);
    if (!current) {
      const document = { workspaceId, caseRef, milestones, version: 1, lastChange, createdAt: ctx.now, updatedAt: ctx.now };
      return { insertOne: { document } };
    }
    // Conditional on the version read: a date someone confirmed meanwhile is never overwritten.
    const filter = { workspaceId, caseRef, version: current.version };
    const update = { $set: { milestones, lastChange, updatedAt: ctx.now }, $inc: { version: 1 } };
    return { updateOne: { filter, update } };
  });
}

/**
 * Writes one pass of the plan. Misses (a version changed, or the same new case inserted by someone
 * else) are not errors: the next pass re-reads and re-plans those cases.
 */
async function writePass(store: WorkspaceStore, ops: AnyBulkWriteOperation<Case>[]) {
  for (let i = 0; i < ops.length; i += BATCH) {
    await store.cases.raw.bulkWrite(ops.slice(i, i + BATCH), { ordered: false }).catch(ignoreDuplicates);
  }
}

/**
 * The audit entries of every case this import wrote, written now or again: each case carries the
 * import's stamp from the same update as its dates, and the entries' ids are fixed per case, so a
 * second run adds only what a crash left out.
 */
async function writeAudit(ctx: ModelContext, imp: TrackerImport): Promise<void> {
  const stamped = await ctx.store.cases.find({ 'lastChange.key': importKey(imp) }).toArray();
  for (let i = 0; i < stamped.length; i += BATCH) {
    await auditStampedChanges(ctx.store, stamped.slice(i, i + BATCH));
  }
}

/**
 * Applies a claimed import: re-plans against the cases as they are now (someone may have recorded a
 * date since the preview), writes each case conditionally, writes the audit, and closes the import.
 * Safe to run again on the same import after a crash: written cases plan as unchanged, and the
 * audit's fixed ids keep one entry per case.
 */
export async function applyImport(ctx: ModelContext, imp: TrackerImport): Promise<AppliedImport> {
  const key = importKey(imp);
  const catalogue = catalogueOf(ctx.programme);
  const refs = imp.rows.map((r) => r.caseRef);
  let result: ImportPlan | undefined;
  const total = { newCases: 0, newDates: 0, changedDates: 0, unchangedDates: 0 };
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const held = await ctx.store.cases.find({ caseRef: { $in: refs } }).toArray();
    // A change still waiting for its audit entry gets it before the import replaces its stamp.
    await auditStampedChanges(ctx.store, held.filter((c) => c.lastChange?.key !== key));
    const byRef = new Map(held.map((c) => [c.caseRef, c]));
    const pending = imp.rows.filter((r) => byRef.get(r.caseRef)?.lastChange?.key !== key);
    const milestones = new Map(held.map((c) => [c.caseRef, c.milestones]));
    const plan = planImport(pending, milestones, catalogue);
    if (pass === 0 || !result) result = plan;
    else result.refused = plan.refused;
    if (pass === 0) Object.assign(total, plan.counts);
    if (plan.cases.length === 0) break;
    await writePass(ctx.store, caseWrites(ctx, imp, plan, byRef));
  }
  await writeAudit(ctx, imp);
  await applyTeams(ctx, imp);
  await keepReferenceShape(ctx, imp.rows.map((r) => r.caseRef));
  const written = await ctx.store.cases.countDocuments({ 'lastChange.key': key });
  const stillRefused = [...imp.refused, ...(result?.refused ?? [])];
  await ctx.store.imports.updateOne(
    { _id: imp._id },
    // The rows served their purpose: once applied, the import keeps its summary, not the dates.
    { $set: { status: 'applied', appliedAt: ctx.now, rows: [], refused: stillRefused }, $unset: { leaseUntil: '' } },
  );
  return { number: imp.number, cases: written, ...total, refused: stillRefused };
}

/**
 * Puts each imported case in the team its row names, each change audited like a typed one. Run
 * after the dates, so a re-run after a crash finds the teams already set and writes nothing.
 */
async function applyTeams(ctx: ModelContext, imp: TrackerImport): Promise<void> {
  const withTeam = imp.rows.filter((r) => r.team);
  if (withTeam.length === 0) return;
  const held = await ctx.store.cases.find({ caseRef: { $in: withTeam.map((r) => r.caseRef) } }, { projection: { caseRef: 1, team: 1 } }).toArray();
  const teamOf = new Map(held.map((c) => [c.caseRef, c.team]));
  for (const row of withTeam) {
    if (teamOf.has(row.caseRef) && teamOf.get(row.caseRef) !== row.team) await setCaseTeam(ctx, row.caseRef, row.team!);
  }
}

/** How long one instance may hold an import it is applying before another may finish it. */
export const APPLY_LEASE_MS = 10 * 60 * 1000;

/**
 * Takes an import to apply: a preview still open, or one left `applying` by a stopped instance whose
 * lease ran out. Of two clicks, or two instances, exactly one gets it.
 */
export async function claimImport(
  ctx: Pick<ModelContext, 'store' | 'now'>,
  id: string,
  userId?: string,
): Promise<TrackerImport | null> {
  if (!ObjectId.isValid(id)) return null;
  const _id = new ObjectId(id);
  const mine = userId ? { userId } : {};
  const lease = { status: 'applying' as const, leaseUntil: new Date(ctx.now.getTime() + APPLY_LEASE_MS) };
  const fresh = await ctx.store.imports.findOneAndUpdate(
    { _id, ...mine, status: 'preview', expiresAt: { $gt: ctx.now } },
    { $set: lease },
  );
  if (fresh) return fresh;
  return ctx.store.imports.findOneAndUpdate(
    { _id, ...mine, status: 'applying', leaseUntil: { $lt: ctx.now } },
    { $set: lease },
  );
}
