import type { ModelContext } from '../model-context.js';
import type { CaseMilestoneMap } from './record-changes.js';

/** The milestones each named case holds now; a case not yet started holds none. */
export async function loadMilestones(
  ctx: Pick<ModelContext, 'store'>,
  refs: readonly string[],
): Promise<Map<string, CaseMilestoneMap>> {
  const found = await ctx.store.cases
    .find({ caseRef: { $in: [...new Set(refs)] } }, { projection: { caseRef: 1, milestones: 1 } })
    .toArray();
  return new Map(found.map((c) => [c.caseRef, c.milestones]));
}
