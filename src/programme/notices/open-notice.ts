import type { Notice } from '../../store/schemas/notice.js';

/** The fields every new notice starts with: open, not yet told (round 0, none queued), version 0. */
export function openNotice(now: Date): Pick<Notice, 'status' | 'round' | 'queuedRound' | 'version' | 'createdAt' | 'updatedAt'> {
  return { status: 'open', round: 0, queuedRound: -1, version: 0, createdAt: now, updatedAt: now };
}
