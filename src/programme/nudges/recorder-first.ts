import { DateTime } from 'luxon';
import type { FoundGap } from '../../digest/data-gaps.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

/** How long the person who recorded a plan has to answer "did it happen?" before their lead hears. */
export const ANSWER_WITHIN_DAYS = 7;

const planKey = (caseRef: string, milestone: string) => `${caseRef}:${milestone}`;

/**
 * The leads' reminder of planned dates that passed, with the recorder asked first: a plan whose
 * recorder was asked "did it happen?" less than a week ago is held back; one still unanswered after
 * that says who was asked and when, so the lead knows it has been chased once already.
 */
export async function recorderFirst(
  store: Pick<WorkspaceStore, 'notices'>,
  gaps: readonly FoundGap[],
  now: Date,
): Promise<FoundGap[]> {
  const asked = await store.notices
    .find({ kind: 'happened', status: 'open', askedAt: { $exists: true } }, { projection: { caseRef: 1, milestone: 1, askedAt: 1, recordedBy: 1 } })
    .toArray();
  const byPlan = new Map(asked.map((n) => [planKey(n.caseRef!, n.milestone!), n]));
  const weekAgo = now.getTime() - ANSWER_WITHIN_DAYS * 86_400_000;
  return gaps.flatMap((gap): FoundGap[] => {
    const notice = gap.kind === 'plannedPassed' ? byPlan.get(planKey(gap.caseRef, gap.milestones[0]!)) : undefined;
    if (!notice) return [gap];
    if (notice.askedAt!.getTime() > weekAgo) return [];
    const when = DateTime.fromJSDate(notice.askedAt!, { zone: 'utc' }).toFormat('d LLL');
    const who = notice.recordedBy?.name ?? 'the person who recorded it';
    return [{ ...gap, detail: `${gap.detail} (asked ${who} on ${when}, no answer yet)` }];
  });
}
