import { createHash } from 'node:crypto';
import { type AnyBulkWriteOperation, ObjectId } from 'mongodb';
import { AuditEntrySchema } from '../../store/schemas/audit.js';
import type { Case } from '../../store/schemas/case.js';
import type { TrackerImport } from '../../store/schemas/tracker-import.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import type { MilestoneRecord } from '../../domain/parse-milestone.js';
import { catalogueOf } from '../cases/milestone-settings.js';
import { applyRecords } from '../cases/record-changes.js';
import type { ModelContext } from '../model-context.js';
import { planImport, type ImportPlan } from './plan-import.js';

const DUPLICATE_KEY = 11000;
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

/** One audit entry per import and case: the same id however often a resumed import writes it. */
function auditId(key: string, caseRef: string): ObjectId {
  return new ObjectId(createHash('sha256').update(`${key}:${caseRef}`).digest().subarray(0, 12));
}

function caseWrites(
  store: WorkspaceStore,
  plan: ImportPlan,
  held: ReadonlyMap<string, Pick<Case, 'milestones' | 'version'>>,
  key: string,
  now: Date,
): AnyBulkWriteOperation<Case>[] {
  const workspaceId = store.workspaceId;
  return plan.cases.map(({ caseRef, row, changes }) => {
    const current = held.get(caseRef);
    const records = changes.map((c) => c.record);
    const milestones = applyRecords(current?.milestones ?? {}, records);
    const lastImport = { key, row, before: current?.milestones ?? {}, version: current?.version ?? 0 };
    if (!current) {
      const document = { workspaceId, caseRef, milestones, version: 1, lastImport, createdAt: now, updatedAt: now };
      return { insertOne: { document } };
    }
    // Conditional on the version read: a date someone confirmed meanwhile is never overwritten.
    const filter = { workspaceId, caseRef, version: current.version };
    const update = { $set: { milestones, lastImport, updatedAt: now }, $inc: { version: 1 } };
    return { updateOne: { filter, update } };
  });
}

/**
 * Writes one pass of the plan. Misses (a version changed, or the same new case inserted by someone
 * else) are not errors: the next pass re-reads and re-plans those cases.
 */
async function writePass(store: WorkspaceStore, ops: AnyBulkWriteOperation<Case>[]) {
  for (let i = 0; i < ops.length; i += BATCH) {
    await store.cases.raw.bulkWrite(ops.slice(i, i + BATCH), { ordered: false }).catch((error) => {
      const codes = (error.writeErrors ?? []).map((e: { code: number }) => e.code);
      if (codes.length === 0 || codes.some((c: number) => c !== DUPLICATE_KEY)) throw error;
    });
  }
}

/**
 * The audit entries of every case this import wrote, written now or again: the ids are fixed per
 * case, so a second run adds only what a crash left out. Before and after come from the case's own
 * stamp, which was written in the same update as its dates.
 */
async function writeAudit(ctx: ModelContext, imp: TrackerImport): Promise<void> {
  const key = importKey(imp);
  const recordsOf = new Map(imp.rows.map((r) => [r.caseRef, r.records as MilestoneRecord[]]));
  const stamped = await ctx.store.cases.find({ 'lastImport.key': key }).toArray();
  const entries = stamped.map((c) => {
    const { before, version, row } = c.lastImport!;
    const after = applyRecords(before, recordsOf.get(c.caseRef) ?? []);
    return AuditEntrySchema.parse({
      _id: auditId(key, c.caseRef),
      workspaceId: ctx.store.workspaceId,
      at: ctx.now,
      actor: imp.actor,
      entity: 'case',
      entityId: c.caseRef,
      action: 'import',
      before: version === 0 ? null : { milestones: before, version },
      after: { milestones: after, version: version + 1 },
      source: { platform: 'import', eventId: key, file: imp.fileName, row },
    });
  });
  for (let i = 0; i < entries.length; i += BATCH) {
    await ctx.store.audit.raw.insertMany(entries.slice(i, i + BATCH), { ordered: false }).catch((error) => {
      const codes = (error.writeErrors ?? []).map((e: { code: number }) => e.code);
      if (codes.length === 0 || codes.some((c: number) => c !== DUPLICATE_KEY)) throw error;
    });
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
    const held = await ctx.store.cases
      .find({ caseRef: { $in: refs } }, { projection: { caseRef: 1, milestones: 1, version: 1, lastImport: 1 } })
      .toArray();
    const byRef = new Map(held.map((c) => [c.caseRef, c]));
    const pending = imp.rows.filter((r) => byRef.get(r.caseRef)?.lastImport?.key !== key);
    const milestones = new Map(held.map((c) => [c.caseRef, c.milestones]));
    const plan = planImport(pending, milestones, catalogue);
    if (pass === 0 || !result) result = plan;
    else result.refused = plan.refused;
    if (pass === 0) Object.assign(total, plan.counts);
    if (plan.cases.length === 0) break;
    await writePass(ctx.store, caseWrites(ctx.store, plan, byRef, key, ctx.now));
  }
  await writeAudit(ctx, imp);
  const written = await ctx.store.cases.countDocuments({ 'lastImport.key': key });
  const stillRefused = [...imp.refused, ...(result?.refused ?? [])];
  await ctx.store.imports.updateOne(
    { _id: imp._id },
    // The rows served their purpose: once applied, the import keeps its summary, not the dates.
    { $set: { status: 'applied', appliedAt: ctx.now, rows: [], refused: stillRefused }, $unset: { leaseUntil: '' } },
  );
  return { number: imp.number, cases: written, ...total, refused: stillRefused };
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
