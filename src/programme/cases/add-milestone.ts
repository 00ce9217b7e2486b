import { ValidationError } from '../../errors.js';
import type { ModelContext } from '../model-context.js';
import { catalogueOf } from './milestone-settings.js';

/** "Children's Hearing" → children_s_hearing: the key a programme's own milestone is stored under. */
export function milestoneKeyOf(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

/**
 * Adds a milestone the default catalogue lacks (a Children's Hearing, say) to the programme's own,
 * audited. It carries no expected order, so no date is ever refused for where it falls.
 */
export async function addMilestone(ctx: ModelContext, label: string): Promise<string> {
  const programme = ctx.programme;
  if (!programme) {
    throw new ValidationError(
      'no_programme',
      'Set up the programme first (`setup programme "Our area PACE"`), then add milestones to it.',
    );
  }
  const name = label.replace(/\s+/g, ' ').trim().slice(0, 80);
  const key = milestoneKeyOf(name);
  if (key.length < 2) {
    throw new ValidationError('invalid_milestone', 'A milestone needs a name with some letters.');
  }
  const catalogue = catalogueOf(programme);
  const same = catalogue.find((m) => m.key === key || m.label.toLowerCase() === name.toLowerCase());
  if (same) return same.key;
  const entries = [...(programme.milestones ?? []), { key, label: name, synonyms: [name], retired: false }];
  const changed = await ctx.store.programmes.updateOne(
    { _id: programme._id, updatedAt: programme.updatedAt },
    { $set: { milestones: entries, updatedAt: ctx.now } },
  );
  if (changed.matchedCount === 0) {
    throw new ValidationError(
      'edit_conflict',
      'Someone changed the programme at the same moment. Please try again.',
    );
  }
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'programme',
    entityId: String(programme._id),
    action: 'milestone_add',
    before: null,
    after: { key, label: name },
    source: ctx.source(),
    at: ctx.now,
  });
  programme.milestones = entries;
  programme.updatedAt = ctx.now;
  return key;
}
