import { randomUUID } from 'node:crypto';
import type { Document, Filter } from 'mongodb';
import { AuditEntrySchema } from '../../store/schemas/audit.js';
import type { PendingAudit } from '../../store/schemas/pending-audit.js';
import type { ScopedCollection } from '../../store/scoped-collection.js';
import { ignoreDuplicates } from '../../store/ignore-duplicates.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import type { ModelContext } from '../model-context.js';

/** Collections whose documents carry their change's audit entry until it is written. */
export const AUDITED_COLLECTIONS = ['pdsa', 'measures', 'cases', 'members', 'notices', 'programmes', 'prompts'] as const;
export type AuditedCollection = (typeof AUDITED_COLLECTIONS)[number];

type Carrier = Document & { workspaceId: string; pendingAudit?: PendingAudit };

/** The audit entry a change carries in its own write: who, when, before, after, and the event. */
export function pendingAuditOf(
  ctx: Pick<ModelContext, 'now' | 'actor' | 'source'>,
  entry: Pick<PendingAudit, 'entity' | 'entityId' | 'action' | 'before' | 'after'>,
): PendingAudit {
  const { platform, eventId } = ctx.source();
  return { key: `${entry.entity}-${randomUUID()}`, ...entry, actor: ctx.actor(), source: { platform, eventId }, at: ctx.now };
}

/** A document without its carried entry, as an audit entry's before or after should show it. */
export function withoutPendingAudit<T extends Document>(doc: T | null): Omit<T, 'pendingAudit'> | null {
  if (!doc) return null;
  const { pendingAudit: _carried, ...rest } = doc;
  return rest;
}

/**
 * Writes the audit entries the documents carry, then clears them. Run right after each change and
 * by the repair sweep; a unique index on the change key keeps one entry per change.
 */
export async function flushPendingAudit(store: WorkspaceStore, collection: AuditedCollection, docs: readonly Carrier[]): Promise<void> {
  const carrying = docs.filter((d) => d.pendingAudit);
  if (carrying.length === 0) return;
  const entries = carrying.map((d) => {
    const { key, ...entry } = d.pendingAudit!;
    return AuditEntrySchema.parse({ ...entry, workspaceId: store.workspaceId, changeKey: key });
  });
  await store.audit.raw.insertMany(entries, { ordered: false }).catch(ignoreDuplicates);
  const scoped = store[collection] as unknown as ScopedCollection<Carrier>;
  for (const doc of carrying) {
    const filter = { _id: doc._id, 'pendingAudit.key': doc.pendingAudit!.key } as Filter<Carrier>;
    await scoped.updateOne(filter, { $unset: { pendingAudit: '' } });
  }
}

/** The sweep: every document of the workspace still carrying its audit entry. */
export async function flushAllPendingAudits(store: WorkspaceStore): Promise<number> {
  let flushed = 0;
  for (const collection of AUDITED_COLLECTIONS) {
    const scoped = store[collection] as unknown as ScopedCollection<Carrier>;
    const carrying = await scoped.find({ pendingAudit: { $exists: true } } as Filter<Carrier>).toArray();
    await flushPendingAudit(store, collection, carrying);
    flushed += carrying.length;
  }
  return flushed;
}
