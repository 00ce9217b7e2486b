import type { WithId } from 'mongodb';
import type { StoredReply } from '../../store/schemas/digest.js';
import type { Notice } from '../../store/schemas/notice.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { daysFrom } from '../cases/day-format.js';
import { catalogueOf } from '../cases/milestone-settings.js';
import { displayName } from '../notices/display-name.js';
import { driftCard } from './drift-card.js';
import { thresholdKey } from './drift-thresholds.js';

/**
 * One drift alert's own message, with the case as it stands today: how long the child has waited,
 * and who recorded the case's last date (their name as colleagues know it).
 */
export async function driftCardReplies(
  store: WorkspaceStore,
  programme: Programme,
  notice: WithId<Notice>,
  today: string,
): Promise<StoredReply[]> {
  const [group, own, held] = await Promise.all([
    store.groups.findOne({ key: notice.groupKey }),
    store.notices.findOne({ key: thresholdKey(notice.groupKey ?? ''), status: 'open' }),
    store.cases.findOne({ caseRef: notice.caseRef }, { projection: { lastChange: 1 } }),
  ]);
  const card = driftCard(
    {
      noticeId: notice._id.toHexString(),
      caseRef: notice.caseRef!,
      groupName: group?.name ?? notice.groupKey ?? '',
      from: notice.from!,
      to: notice.milestone!,
      startedOn: notice.startedOn!,
      days: daysFrom(notice.startedOn!, today),
      weeks: notice.weeks!,
      source: own?.weeks === notice.weeks ? 'group' : 'aim',
      lastRecordedBy: await displayName(store, held?.lastChange?.actor),
      ...(notice.handedBy && { handedBy: notice.handedBy }),
    },
    catalogueOf(programme),
  );
  return [{ kind: 'card', card: { ...card } }];
}
