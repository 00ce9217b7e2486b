import type { Actor } from '../../store/schemas/common.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

/**
 * Who recorded a plan: the first audited change of the case that left this planned date on this
 * milestone (a confirmed sentence, a form, or an import). Null when no change records it (data
 * written before the audit, or erased).
 */
export async function planRecorder(
  store: Pick<WorkspaceStore, 'audit'>,
  plan: { caseRef: string; milestone: string; planned: string },
): Promise<Actor | null> {
  const entry = await store.audit.findOne(
    {
      entity: 'case',
      entityId: plan.caseRef,
      action: { $in: ['record', 'import'] },
      [`after.milestones.${plan.milestone}.planned`]: plan.planned,
    },
    { sort: { at: 1 }, projection: { actor: 1 } },
  );
  return entry?.actor ?? null;
}
