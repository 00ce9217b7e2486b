import type { ModelContext } from '../model-context.js';
import { addCatalogueMilestone, milestoneNamed } from './catalogue-changes.js';
import { catalogueOf } from './milestone-settings.js';

export { milestoneKeyOf } from './milestone-key.js';

/**
 * Adds a milestone the default catalogue lacks (a tracker column, say) to the programme's own,
 * audited; a name the catalogue already knows returns that milestone's key.
 */
export async function addMilestone(ctx: ModelContext, label: string): Promise<string> {
  const known = ctx.programme ? milestoneNamed(catalogueOf(ctx.programme), label, { retired: true }) : null;
  if (known) return known.key;
  return (await addCatalogueMilestone(ctx, { name: label })).milestone.key;
}
