import type { WithId } from 'mongodb';
import type { Notice } from '../../store/schemas/notice.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { daysFrom } from '../cases/day-format.js';
import { catalogueOf } from '../cases/milestone-settings.js';
import { displayName } from '../notices/display-name.js';
import { workspacePlatform } from '../notices/notice-recipient.js';
import { queueNotice } from '../notices/queue-notice.js';
import { driftCard } from './drift-card.js';
import { thresholdKey } from './drift-thresholds.js';

/**
 * Queues a drift alert's current round to whoever holds it, with the case as it stands today: how
 * long the child has waited, and who recorded the case's last date (their name as colleagues know
 * it). Returns the number of messages queued.
 */
export async function tellDrift(
  store: WorkspaceStore,
  programme: Programme,
  notice: WithId<Notice>,
  today: string,
  now: Date,
): Promise<number> {
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
  const platform = await workspacePlatform(store.db, programme);
  return queueNotice(store, notice, platform, [{ kind: 'card', card: { ...card } }], now);
}
