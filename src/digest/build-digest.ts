import { DateTime } from 'luxon';
import { toCaseMilestones } from '../conversation/features/measures/case-milestones.js';
import { listMeasures } from '../conversation/features/measures/measure-catalogue.js';
import { milestoneLabel } from '../conversation/features/measures/milestone-label.js';
import { cadenceOf } from '../conversation/features/meetings/cadence-of.js';
import { previousMeeting } from '../domain/meetings/index.js';
import { DEFAULT_MILESTONE_CATALOGUE } from '../domain/milestone-catalogue.js';
import { expectedOrder } from '../domain/milestone-order.js';
import type { Programme } from '../store/schemas/programme.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import { pastThresholdGaps, plannedPassedGaps, sequenceGaps, type GapCase } from './data-gaps.js';
import type { DigestModel } from './digest-model.js';
import { buildGroupDigest } from './group-digest.js';
import { aimWeeks } from './group-measures.js';

export interface DigestMeeting {
  at: Date;
  localDate: string;
}

/**
 * Gathers one digest: for each aim group its charts, waiting, aim progress, tests of change since the
 * previous champions' meeting, data gaps and queued questions — as of `now`, for `meeting`.
 */
export async function buildDigest(store: WorkspaceStore, programme: Programme, meeting: DigestMeeting, now: Date): Promise<DigestModel> {
  const cadence = cadenceOf(programme);
  const previous = cadence ? previousMeeting(cadence, meeting.at) : null;
  const since = previous?.at ?? null;
  const weeks = cadence?.everyWeeks ?? 6;
  const today = DateTime.fromJSDate(now, { zone: programme.timeZone }).toISODate()!;
  const [measures, stored, groups] = await Promise.all([
    listMeasures(store, now),
    store.cases.find({}, { projection: { caseRef: 1, milestones: 1, groupKey: 1 } }).toArray(),
    store.groups.find({}, { sort: { name: 1 } }).toArray(),
  ]);
  const cases = toCaseMilestones(stored);
  const gapCases: GapCase[] = stored.map((c, i) => ({ ...cases[i]!, ...(c.groupKey ? { groupKey: c.groupKey } : {}) }));
  const label = (key: string) => milestoneLabel(programme, key);
  const shared = [...sequenceGaps(gapCases, expectedOrder(DEFAULT_MILESTONE_CATALOGUE), label), ...plannedPassedGaps(gapCases, today, label)];
  const parts = [];
  // One group at a time: each renders up to four charts, and charts are CPU work.
  for (const group of groups) {
    const measureKey = group.aim?.measureKey;
    const stage = measures.find((m) => m.key === measureKey && m.kind === 'interval');
    const threshold = aimWeeks(group);
    const late = stage?.from && stage.to && threshold !== null ? pastThresholdGaps(gapCases, { from: stage.from, to: stage.to, weeks: threshold, today }, label) : [];
    parts.push(
      await buildGroupDigest({
        store,
        programme,
        group,
        measures,
        cases,
        gaps: [...shared, ...late],
        now,
        today,
        since: since ?? DateTime.fromJSDate(meeting.at).minus({ weeks }).toJSDate(),
      }),
    );
  }
  return { programmeName: programme.name, timeZone: programme.timeZone, ruleSet: programme.ruleSet, meeting, since, today, groups: parts };
}
