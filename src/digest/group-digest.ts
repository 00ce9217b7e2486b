import { DateTime } from 'luxon';
import { cyclesChangedSince, cyclesOverdueForStudy } from '../conversation/features/pdsa/queries.js';
import type { MeasureDefinition } from '../conversation/features/measures/measure-catalogue.js';
import type { CaseMilestones } from '../domain/measures/index.js';
import type { Group } from '../store/schemas/group.js';
import type { Programme } from '../store/schemas/programme.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import { gapsOfGroup, type FoundGap } from './data-gaps.js';
import type { DigestGaps, GroupDigest } from './digest-model.js';
import { groupCharts, groupWaiting } from './group-charts.js';
import { aimWeeks, groupMeasures, groupMilestones } from './group-measures.js';
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
}

function byKind(gaps: readonly FoundGap[], threshold: number | null): DigestGaps {
  const of = (kind: FoundGap['kind']) => gaps.filter((g) => g.kind === kind).map(({ caseRef, detail }) => ({ caseRef, detail }));
  return { sequence: of('sequence'), plannedPassed: of('plannedPassed'), pastThreshold: of('pastThreshold'), thresholdWeeks: threshold };
}

/** One aim group's part: charts and signals, waiting, aim progress, tests of change, data gaps, questions. */
export async function buildGroupDigest(input: GroupDigestInput): Promise<GroupDigest> {
  const { store, programme, group, today } = input;
  const measures = groupMeasures(group, input.measures);
  const { charts, noData } = await groupCharts(store, programme, measures, { today, cases: input.cases, groupKey: group.key });
  const [waiting, changes, overdue, questions] = await Promise.all([
    groupWaiting(store, measures, { today, cases: input.cases }),
    cyclesChangedSince(store, group.key, input.since),
    cyclesOverdueForStudy(store, input.now, STUDY_DUE_DAYS, group.key),
    store.prompts.find({ kind: 'question', groupKey: group.key, status: 'active' }, { sort: { createdAt: 1, number: 1 }, limit: MAX_QUESTIONS }).toArray(),
  ]);
  const progressKeys = new Set([group.aim?.measureKey, ...measures.filter((m) => m.kind === 'proportion').map((m) => m.key)]);
  const progress = charts.filter((c) => progressKeys.has(c.measureKey) && c.latest).map((c) => `${c.name}: latest ${c.latest}`);
  return {
    key: group.key,
    name: group.name,
    leads: group.leads,
    aim: group.aim
      ? { statement: group.aim.statement, target: group.aim.target, targetDate: DateTime.fromISO(group.aim.targetDate).toFormat('d LLL yyyy'), progress }
      : null,
    charts,
    noData,
    waiting,
    changes,
    overdue: overdue.map((c) => ({ number: c.number, title: c.title, ownerName: c.ownerName, carriedOutOn: c.do!.carriedOutOn })),
    gaps: byKind(gapsOfGroup(input.gaps, group.key, groupMilestones(measures)), aimWeeks(group)),
    questions: questions.map((q) => ({ id: q._id!.toHexString(), number: q.number, text: q.text })),
  };
}
