import { DateTime } from 'luxon';
import type { MeasureDefinition } from '../programme/measures/measure-catalogue.js';
import { changesSince, overdueForStudy } from '../programme/pdsa/queries.js';
import type { CaseMilestones } from '../domain/measures/index.js';
import type { Group } from '../store/schemas/group.js';
import type { PdsaCycle } from '../store/schemas/pdsa.js';
import type { Programme } from '../store/schemas/programme.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import { gapsOfGroup, type FoundGap } from './data-gaps.js';
import type { DigestChart, DigestGaps, GroupDigest } from './digest-model.js';
import { groupCharts, groupWaiting, type SharedCharts } from './group-charts.js';
import { aimStage, aimWeeks, groupMeasures, groupMilestones } from './group-measures.js';
import { STUDY_DUE_DAYS } from './study-due.js';

/** Questions a coach queued for one digest; more wait for the next. */
export const MAX_QUESTIONS = 3;

export interface GroupDigestInput {
  store: WorkspaceStore;
  programme: Programme;
  group: Group;
  measures: readonly MeasureDefinition[];
  cases: readonly CaseMilestones[];
  gaps: readonly FoundGap[];
  now: Date;
  today: string;
  since: Date;
  /** Charts already drawn for this digest, by measure: a measure two groups use is drawn once. */
  charts?: SharedCharts;
  /** Every test of change of the programme, read once for the whole digest. */
  cycles: readonly PdsaCycle[];
}

/**
 * The gaps by kind. "Still waiting after the aim's weeks" is counted only when the aim has a key
 * stage to time them on; an aim in weeks without one is marked untimed, so the digest and the pack
 * say why rather than "none" (which read as nobody waiting).
 */
function byKind(gaps: readonly FoundGap[], group: Group, measures: readonly MeasureDefinition[]): DigestGaps {
  const of = (kind: FoundGap['kind']) =>
    gaps.filter((g) => g.kind === kind).map(({ caseRef, detail }) => ({ caseRef, detail }));
  const weeks = aimWeeks(group);
  const timed = aimStage(group, measures) !== null;
  return {
    sequence: of('sequence'),
    plannedPassed: of('plannedPassed'),
    pastThreshold: of('pastThreshold'),
    thresholdWeeks: timed ? weeks : null,
    ...(!timed && weeks !== null ? { untimedWeeks: weeks } : {}),
  };
}

/** The aim, its target, and the latest point of each measure that tracks it. */
function aimOf(
  group: Group,
  measures: readonly MeasureDefinition[],
  charts: readonly DigestChart[],
): GroupDigest['aim'] {
  if (!group.aim) return null;
  const proportions = measures.filter((m) => m.kind === 'proportion').map((m) => m.key);
  const tracking = new Set([group.aim.measureKey, ...proportions]);
  const progress = charts
    .filter((c) => tracking.has(c.measureKey) && c.latest)
    .map((c) => `${c.name}: ${c.latest}`);
  const { statement, target } = group.aim;
  const targetDate = DateTime.fromISO(group.aim.targetDate).toFormat('d LLL yyyy');
  return { statement, target, targetDate, progress };
}

/** One aim group's part: charts, waiting, aim progress, tests of change, gaps, questions. */
export async function buildGroupDigest(input: GroupDigestInput): Promise<GroupDigest> {
  const { store, programme, group, today, cases } = input;
  const groupKey = group.key;
  const measures = groupMeasures(group, input.measures);
  const drawn = await groupCharts(store, programme, measures, {
    today,
    cases,
    group,
    cycles: input.cycles,
    ...(input.charts && { shared: input.charts }),
  });
  const { charts, noData } = drawn;
  const queued = { kind: 'question' as const, groupKey, status: 'active' as const };
  const oldestFirst = { sort: { createdAt: 1, number: 1 }, limit: MAX_QUESTIONS } as const;
  const [waiting, questions] = await Promise.all([
    groupWaiting(store, measures, { today, cases }),
    store.prompts.find(queued, oldestFirst).toArray(),
  ]);
  const changes = changesSince(input.cycles, groupKey, input.since);
  const overdue = overdueForStudy(input.cycles, input.now, STUDY_DUE_DAYS, groupKey);
  const gaps = gapsOfGroup(input.gaps, group.key, groupMilestones(measures));
  return {
    key: group.key,
    name: group.name,
    leads: group.leads,
    aim: aimOf(group, measures, charts),
    charts,
    noData,
    waiting,
    changes,
    overdue: overdue.map(({ number, title, ownerName, do: done }) => ({
      number,
      title,
      ownerName,
      carriedOutOn: done!.carriedOutOn,
    })),
    gaps: byKind(gaps, group, input.measures),
    questions: questions.map((q) => ({ id: q._id!.toHexString(), number: q.number, text: q.text })),
  };
}
