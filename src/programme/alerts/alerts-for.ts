import type { Filter, WithId } from 'mongodb';
import type { Notice } from '../../store/schemas/notice.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

/** Who is asking: the alerts they may act on follow from this. */
export interface AlertViewer {
  userId: string;
  /** Keys of the groups they lead. */
  leadOf: readonly string[];
  isAdmin: boolean;
}

/** Whoever holds an alert, a lead of its group, or an admin may snooze it or hand it on. */
export function mayActOn(notice: Pick<Notice, 'holderIds' | 'groupKey'>, viewer: AlertViewer): boolean {
  return viewer.isAdmin || notice.holderIds.includes(viewer.userId) || viewer.leadOf.includes(notice.groupKey ?? '');
}

/**
 * The drift alerts, open or snoozed, that a person may act on, optionally for one child: the
 * ones they hold and those of the groups they lead (every one, for an admin).
 */
export function alertsFor(
  store: Pick<WorkspaceStore, 'notices'>,
  viewer: AlertViewer,
  caseRef?: string,
): Promise<WithId<Notice>[]> {
  const whose: Filter<Notice> = viewer.isAdmin ? {} : { $or: [{ holderIds: viewer.userId }, { groupKey: { $in: [...viewer.leadOf] } }] };
  return store.notices.find({ kind: 'drift', status: { $ne: 'closed' }, ...(caseRef && { caseRef }), ...whose }).toArray();
}
