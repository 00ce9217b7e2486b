import type { Actor } from '../../store/schemas/common.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

/**
 * Who recorded a plan: the person whose audited change (a confirmed sentence or a form) set this
 * planned date on this milestone, the latest if it was set more than once. A later change to some
 * other date carries the plan in its `after` but did not set it, so it does not count. Null when
 * the plan came from a tracker import (the admin who ran it did data support and did not plan the
 * child's date: the leads' weekly reminder lists it as a plan nobody was asked about), or when no
 * change records it (data written before the audit, or erased).
 */
export async function planRecorder(
  store: Pick<WorkspaceStore, 'audit'>,
  plan: { caseRef: string; milestone: string; planned: string },
): Promise<Actor | null> {
  const field = `milestones.${plan.milestone}.planned`;
  const entry = await store.audit.findOne(
    {
      entity: 'case',
      entityId: plan.caseRef,
      action: { $in: ['record', 'import'] },
      [`after.${field}`]: plan.planned,
      [`before.${field}`]: { $ne: plan.planned },
    },
    { sort: { at: -1, _id: -1 }, projection: { actor: 1, action: 1 } },
  );
  return entry?.action === 'record' ? entry.actor : null;
}
