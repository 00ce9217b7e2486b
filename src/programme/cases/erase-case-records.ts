import type { Document, ObjectId } from 'mongodb';
import type { ScopedCollection, WorkspaceOwned } from '../../store/scoped-collection.js';
import { ignoreDuplicates } from '../../store/ignore-duplicates.js';
import type { ModelContext } from '../model-context.js';
import { findMentions, mentionPattern, type MentionCollection } from './find-mentions.js';

export const ERASED = '[erased]';
export const ERASE_KIND = 'case.erase';
/** How long an erase may hold its question while it works; past it, the repair sweep finishes it. */
export const ERASE_LEASE_MS = 30_000;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/**
 * A copy in which every string that names the reference is replaced whole: a note that said
 * "C1153 moved to kinship carer Zebedee" says nothing of the child afterwards, not even the rest.
 */
export function erasedWhole(value: unknown, pattern: RegExp): unknown {
  if (typeof value === 'string') {
    pattern.lastIndex = 0;
    return pattern.test(value) ? ERASED : value;
  }
  if (Array.isArray(value)) return value.map((v) => erasedWhole(v, pattern));
  if (isPlain(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, erasedWhole(v, pattern)]));
  }
  return value;
}

/** What erasure makes of one record that named the case, or null to delete it. */
function scrubbed(collection: MentionCollection, doc: Document, caseRef: string, pattern: RegExp): Document | null {
  // Questions about the case could bring it back: they go, as do its alerts and "did it happen?" questions.
  if (collection === 'pending' || collection === 'notices') return null;
  let source: Document = doc;
  // An import's rows are the child's dates: they go, not only the reference in them.
  if (collection === 'imports' && Array.isArray(doc.rows)) {
    source = { ...doc, rows: (doc.rows as { caseRef?: string }[]).filter((r) => r.caseRef !== caseRef) };
  }
  // The case's own history keeps that changes happened, not the child's dates.
  if (collection === 'audit' && doc.entity === 'case' && doc.entityId === caseRef) {
    source = { ...doc, before: null, after: null };
  }
  // A digest chart could show the case: its stored images go with the text.
  if (collection === 'digests') source = { ...source, images: [] };
  const rewritten = erasedWhole(source, pattern) as Document;
  // A group's, idea's or measure's key is how other records point to it: rewritten, they would
  // point nowhere. Names holding a reference are refused since keys were made from them, so only a
  // record written before that can keep one in its key; its name and text are rewritten.
  return IDENTITY_KEYED.has(collection) ? { ...rewritten, key: doc.key } : rewritten;
}

/** Collections whose records are found by a `key` made from their name. */
const IDENTITY_KEYED = new Set<MentionCollection>(['groups', 'changeIdeas', 'measures']);

/**
 * Rewrites every record that names the reference (any letter case), deletes the questions about
 * it, and returns how many of each were touched. `keep` is the erase question itself, which stays
 * until the erase is finished so a stopped erase can be finished.
 */
async function scrub(ctx: ModelContext, caseRef: string, keep: ObjectId | undefined) {
  const pattern = mentionPattern(caseRef);
  const counts: Record<string, number> = {};
  for (const { collection, doc } of await findMentions(ctx.store, caseRef)) {
    if (keep && keep.equals(doc._id as ObjectId)) continue;
    const scoped = ctx.store[collection] as unknown as ScopedCollection<WorkspaceOwned>;
    counts[collection] = (counts[collection] ?? 0) + 1;
    const next = scrubbed(collection, doc, caseRef, pattern);
    if (!next) {
      await scoped.deleteOne({ _id: doc._id });
      continue;
    }
    const changed = Object.entries(next).filter(
      ([key, value]) => key !== '_id' && key !== 'workspaceId' && JSON.stringify(value) !== JSON.stringify(doc[key]),
    );
    if (changed.length > 0) await scoped.raw.updateOne({ _id: doc._id, workspaceId: ctx.store.workspaceId }, { $set: Object.fromEntries(changed) });
  }
  return counts;
}

/**
 * Asks the store to rewrite its files so nothing deleted is left in them: the embedded store
 * rewrites its data directory at once; a MongoDB server that refuses (Atlas without the privilege)
 * leaves it to its own storage engine, which the deployment guide covers.
 */
async function compactStore(ctx: ModelContext): Promise<boolean> {
  try {
    await ctx.store.db.command({ compact: ctx.store.cases.raw.collectionName });
    return true;
  } catch {
    return false;
  }
}

export interface ErasedCase {
  caseDeleted: boolean;
  recordsRewritten: Record<string, number>;
  compacted: boolean;
}

/**
 * Erases a case: deletes it, rewrites or deletes everything that names it, audits that an erasure
 * happened (never of which child), and compacts the store. Every step may run again, so an erase
 * stopped by a crash is finished by the repair sweep; `key` keeps its audit entry single.
 */
export async function eraseCaseRecords(
  ctx: ModelContext,
  caseRef: string,
  key: string,
  question?: ObjectId,
): Promise<ErasedCase> {
  const deleted = (await ctx.store.cases.deleteOne({ caseRef })).deletedCount === 1;
  const counts = await scrub(ctx, caseRef, question);
  const after = { caseDeleted: deleted, recordsRewritten: counts };
  await ctx.store.audit.raw
    .insertOne({
      workspaceId: ctx.store.workspaceId,
      at: ctx.now,
      actor: ctx.actor(),
      entity: 'case',
      entityId: ERASED,
      action: 'erase',
      before: null,
      after,
      source: { platform: ctx.source().platform, eventId: ctx.source().eventId },
      changeKey: key,
    })
    .catch(ignoreDuplicates);
  if (question) await ctx.store.pending.deleteOne({ _id: question });
  const compacted = await compactStore(ctx);
  return { ...after, compacted };
}
