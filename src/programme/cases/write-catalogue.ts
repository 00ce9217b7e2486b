import type { z } from 'zod';
import { ValidationError } from '../../errors.js';
import type { MilestoneEntrySchema, Programme } from '../../store/schemas/programme.js';
import { flushPendingAudit, pendingAuditOf } from '../audit/pending-audit.js';
import type { ModelContext } from '../model-context.js';

export type MilestoneEntry = z.infer<typeof MilestoneEntrySchema>;

/**
 * Writes the programme's milestone entries and the change's audit entry in one update (the entry
 * rides on the programme until written; the repair sweep finishes it after a crash). The update is
 * conditional on the programme as read, so two admins' changes never overwrite each other.
 */
export async function writeCatalogue(
  ctx: ModelContext,
  programme: Programme,
  entries: MilestoneEntry[],
  change: { action: string; before: unknown; after: unknown },
): Promise<void> {
  // An earlier change's entry still riding here is written first, so this one cannot replace it.
  if (programme.pendingAudit) await flushPendingAudit(ctx.store, 'programmes', [programme]);
  const pendingAudit = pendingAuditOf(ctx, { entity: 'programme', entityId: String(programme._id), ...change });
  const changed = await ctx.store.programmes.updateOne(
    { _id: programme._id, updatedAt: programme.updatedAt },
    { $set: { milestones: entries, updatedAt: ctx.now, pendingAudit } },
  );
  if (changed.matchedCount === 0) {
    throw new ValidationError('edit_conflict', 'Someone changed the programme at the same moment. Please try again.');
  }
  await flushPendingAudit(ctx.store, 'programmes', [{ ...programme, pendingAudit }]);
  programme.milestones = entries;
  programme.updatedAt = ctx.now;
  delete programme.pendingAudit;
}
