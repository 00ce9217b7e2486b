import { DateTime } from 'luxon';
import { toCaseMilestones } from '../programme/cases/case-milestones.js';
import { parseCases } from '../domain/measures/parse-cases.js';
import { listMeasures } from '../programme/measures/measure-catalogue.js';
import { milestoneLabel } from '../programme/cases/milestone-label.js';
import { cadenceOf } from '../programme/meetings/cadence-of.js';
import { previousMeeting } from '../domain/meetings/index.js';
import { DEFAULT_MILESTONE_CATALOGUE } from '../domain/milestone-catalogue.js';
import { expectedOrder } from '../domain/milestone-order.js';
import type { Group } from '../store/schemas/group.js';
import type { Programme } from '../store/schemas/programme.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import { pastThresholdGaps, plannedPassedGaps, sequenceGaps, type GapCase } from './data-gaps.js';
import type { DigestModel } from './digest-model.js';
import type { SharedCharts } from './group-charts.js';
import { buildGroupDigest } from './group-digest.js';
import { aimStage, aimWeeks } from './group-measures.js';
import type { MeasureDefinition } from '../programme/measures/measure-catalogue.js';

export interface DigestMeeting {
  at: Date;
  localDate: string;
}

type Label = (key: string) => string;

/** Children waiting past the group's aim time, when its aim names a stage and a time in weeks. */
function lateFor(
  group: Group,
  measures: readonly MeasureDefinition[],
  cases: GapCase[],
  today: string,
  label: Label,
) {
  const stage = aimStage(group, measures);
  const weeks = aimWeeks(group);
  if (!stage || weeks === null) return [];
  return pastThresholdGaps(cases, { from: stage.from, to: stage.to, weeks, today }, label);
}

/** Cases per batch when a digest reads them all. */
const CASE_BATCH = 250;

/**
 * Gathers one digest: for each aim group its charts, waiting, aim progress, tests of change since
 * the previous champions' meeting, data gaps and queued questions — as of `now`, for `meeting`.
 */
export async function buildDigest(
  store: WorkspaceStore,
  programme: Programme,
  meeting: DigestMeeting,
  now: Date,
): Promise<DigestModel> {
  const cadence = cadenceOf(programme);
  const since = (cadence && previousMeeting(cadence, meeting.at)?.at) ?? null;
  const weeks = cadence?.everyWeeks ?? 6;
  const today = DateTime.fromJSDate(now, { zone: programme.timeZone }).toISODate()!;
  const [measures, stored, groups, cycles] = await Promise.all([
    listMeasures(store, now),
    // In batches of a few hundred: each batch is one piece of work for the server, and on the
    // embedded store the server is the request thread, where one batch of every case held up acks
    // for about 10 ms (issue 15). MongoDB's own first batch is 101 documents.
    store.cases.find({}, { projection: { caseRef: 1, milestones: 1, groupKey: 1 }, batchSize: CASE_BATCH }).toArray(),
    // An archived group keeps its history but leaves the digest.
    store.groups.find({ archived: { $ne: true } }, { sort: { name: 1 } }).toArray(),
    // Every test of change once: each group's changes and overdue studies, and each chart's marks,
    // are read from these (they were about 19 queries a digest; issue 15).
    store.pdsa.find({}).toArray(),
  ]);
  // Checked once here: every measure of every group reuses this list without checking it again.
  const cases = parseCases(toCaseMilestones(stored));
  const gapCases: GapCase[] = stored.map((c, i) => ({
    ...cases[i]!,
    ...(c.groupKey && { groupKey: c.groupKey }),
  }));
  const label = (key: string) => milestoneLabel(programme, key);
  const shared = [
    ...sequenceGaps(gapCases, expectedOrder(DEFAULT_MILESTONE_CATALOGUE), label),
    ...plannedPassedGaps(gapCases, today, label),
  ];
  const cyclesSince = since ?? DateTime.fromJSDate(meeting.at).minus({ weeks }).toJSDate();
  const parts = [];
  // A measure in several groups' parts is drawn once: the same chart, and so one stored image.
  const charts: SharedCharts = new Map();
  // One group at a time: each renders up to four charts, and charts are CPU work.
  for (const group of groups) {
    const gaps = [...shared, ...lateFor(group, measures, gapCases, today, label)];
    const input = { store, programme, group, measures, cases, cycles, gaps, now, today, charts };
    parts.push(await buildGroupDigest({ ...input, since: cyclesSince }));
  }
  const { name: programmeName, timeZone, ruleSet, caseRefPattern } = programme;
  return { programmeName, timeZone, ruleSet, caseRefPattern, meeting, since, today, groups: parts };
}
