import { SEED_IDEAS } from '../programme/change-ideas/seed-ideas.js';
import type { PdsaCycle } from '../store/schemas/pdsa.js';
import { addDays } from './dates.js';
import { DEMO_RAMPS, type CycleSpec, type RampSpec } from './demo-ramps.js';
import { demoPerson } from './demo-people.js';

export type DemoCycle = Omit<PdsaCycle, 'workspaceId' | '_id'>;

/** The Do date of a demo cycle: `weeksAgo` weeks before today. */
const doDateOf = (cycle: CycleSpec, today: string) => addDays(today, -7 * cycle.weeksAgo);
/** Stage records are stamped mid-morning on their day, like a person typing them in. */
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

/**
 * When the first test of change linked to a measure was carried out: the date from which the demo's
 * children move faster, so the run chart's shift starts at an annotated test.
 */
export function effectStart(measureKey: string, today: string): string | undefined {
  const starts = DEMO_RAMPS.filter((ramp) => ramp.linkedMeasures.includes(measureKey))
    .flatMap((ramp) => ramp.cycles.filter((c) => c.happened).map((c) => doDateOf(c, today)))
    .sort();
  return starts[0];
}

/** Every demo cycle, numbered T-1… in the order they were planned, each ramp linked to its previous cycle. */
export function demoCycles(today: string): DemoCycle[] {
  const planned = DEMO_RAMPS.flatMap((ramp) =>
    ramp.cycles.map((spec, index) => ({ ramp, spec, index, planOn: planDate(spec, today) })),
  ).sort((a, b) => a.planOn.localeCompare(b.planOn) || a.spec.title.localeCompare(b.spec.title));
  const numberOf = new Map(planned.map((p, i) => [p.spec, i + 1]));
  return planned.map(({ ramp, spec, index, planOn }) => {
    const previous = index > 0 ? ramp.cycles[index - 1] : undefined;
    return buildCycle(ramp, spec, {
      number: numberOf.get(spec)!,
      rampPosition: index + 1,
      ...(previous ? { previousNumber: numberOf.get(previous)! } : {}),
      planOn,
      today,
    });
  });
}

function planDate(spec: CycleSpec, today: string): string {
  // A cycle still to be carried out was planned a couple of days ago; the others ten days before Do.
  return spec.happened ? addDays(doDateOf(spec, today), -10) : addDays(today, -2);
}

interface Numbering {
  number: number;
  rampPosition: number;
  previousNumber?: number;
  planOn: string;
  today: string;
}

function buildCycle(ramp: RampSpec, spec: CycleSpec, n: Numbering): DemoCycle {
  const doOn = doDateOf(spec, n.today);
  const studyOn = addDays(doOn, 14);
  const actOn = addDays(doOn, 18);
  const idea = 'key' in ramp.idea ? ideaTitle(ramp.idea.key) : ramp.idea.own;
  const stage = spec.decision ? 'act' : spec.results ? 'study' : spec.happened ? 'do' : 'plan';
  const last = { plan: n.planOn, do: doOn, study: studyOn, act: actOn }[stage];
  return {
    number: n.number,
    title: spec.title,
    changeIdea: idea,
    ...('key' in ramp.idea ? { changeIdeaId: ramp.idea.key } : {}),
    groupKey: ramp.groupKey,
    ownerId: ramp.ownerId,
    ownerName: demoPerson(ramp.ownerId)?.name ?? ramp.ownerId,
    stage,
    plan: {
      objective: spec.objective,
      prediction: spec.prediction,
      ...(spec.who ? { who: spec.who } : {}),
      ...(spec.dataToCollect ? { dataToCollect: spec.dataToCollect } : {}),
      startOn: doOn,
    },
    ...(spec.happened
      ? { do: { carriedOutOn: doOn, whatHappened: spec.happened, ...(spec.problems ? { problems: spec.problems } : {}) } }
      : {}),
    ...(spec.results ? { study: { resultsVsPrediction: spec.results, learned: spec.learned ?? spec.results } } : {}),
    ...(spec.decision ? { act: { decision: spec.decision, ...(spec.next ? { nextCycle: spec.next } : {}) } } : {}),
    ...(n.previousNumber ? { previousNumber: n.previousNumber } : {}),
    rampPosition: n.rampPosition,
    linkedMeasures: ramp.linkedMeasures,
    startedOn: doOn,
    notes: [],
    stageDates: {
      plan: at(n.planOn),
      ...(spec.happened ? { do: at(doOn) } : {}),
      ...(spec.results ? { study: at(studyOn) } : {}),
      ...(spec.decision ? { act: at(actOn) } : {}),
    },
    version: 0,
    demo: true,
    createdAt: at(n.planOn),
    updatedAt: at(last),
  };
}

function ideaTitle(key: string): string {
  const idea = SEED_IDEAS.find((entry) => entry.key === key);
  if (!idea) throw new Error(`demo ramp names change idea ${key}, which is not in the library`);
  return idea.title;
}
