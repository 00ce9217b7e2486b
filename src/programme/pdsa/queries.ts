import { DateTime } from 'luxon';
import type { ActDecision, PdsaCycle, PdsaStage } from '../../store/schemas/pdsa.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import type { Verdict } from '../../store/schemas/prediction.js';

type Store = Pick<WorkspaceStore, 'pdsa'>;

/** A user's cycles that are not decided yet, oldest first (the App Home's "your tests"). */
export function listOpenCyclesFor(store: Store, userId: string): Promise<PdsaCycle[]> {
  return store.pdsa
    .find({ ownerId: userId, stage: { $ne: 'act' } }, { sort: { number: 1 } })
    .toArray();
}

/** One thing that happened to a cycle, for the digest. */
export interface CycleChange {
  number: number;
  title: string;
  ownerName: string;
  /** planned = started; carried_out = Do recorded (now to study); studied; decided (with the decision). */
  event: 'planned' | 'carried_out' | 'studied' | 'decided';
  at: Date;
  decision?: ActDecision;
  /** Studied: the verdict kept on the test's checkable prediction, when it had one. */
  verdict?: Verdict;
  /** Studied: the bot's reading of the data, kept beside the verdict (they differ when a person overruled it). */
  botVerdict?: Verdict;
}

const EVENTS: [PdsaStage, CycleChange['event']][] = [
  ['plan', 'planned'],
  ['do', 'carried_out'],
  ['study', 'studied'],
  ['act', 'decided'],
];

/** What a group's cycles did since an instant: started, carried out, studied, decided; in time order. */
export async function cyclesChangedSince(
  store: Store,
  groupKey: string,
  since: Date,
): Promise<CycleChange[]> {
  const cycles = await store.pdsa
    .find({
      groupKey,
      $or: EVENTS.map(([stage]) => ({ [`stageDates.${stage}`]: { $gte: since } })),
    })
    .toArray();
  const changes: CycleChange[] = [];
  for (const cycle of cycles) {
    for (const [stage, event] of EVENTS) {
      const at = cycle.stageDates?.[stage];
      if (!at || at < since) continue;
      changes.push({
        number: cycle.number,
        title: cycle.title,
        ownerName: cycle.ownerName,
        event,
        at,
        ...(event === 'decided' && cycle.act ? { decision: cycle.act.decision } : {}),
        ...(event === 'studied' && cycle.study?.predictionCheck
          ? { verdict: cycle.study.predictionCheck.verdict, botVerdict: cycle.study.predictionCheck.botVerdict }
          : {}),
      });
    }
  }
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime() || a.number - b.number);
}

/**
 * Cycles carried out at least `days` days ago and not studied yet: the learning is going cold.
 * Pass a group key to ask about one group. Oldest first.
 */
export function cyclesOverdueForStudy(
  store: Store,
  now: Date,
  days: number,
  groupKey?: string,
): Promise<PdsaCycle[]> {
  const cutoff = DateTime.fromJSDate(now, { zone: 'UTC' }).minus({ days }).toISODate()!;
  return store.pdsa
    .find(
      { stage: 'do', 'do.carriedOutOn': { $lte: cutoff }, ...(groupKey ? { groupKey } : {}) },
      { sort: { 'do.carriedOutOn': 1 } },
    )
    .toArray();
}

/** A test of change linked to a measure, as its chart marks it. */
export interface LinkedTest {
  number: number;
  title: string;
  startedOn: string;
}

/** Run-chart markers: the cycles linked to a measure, by start date. */
export async function cycleAnnotations(store: Store, measureKey: string): Promise<LinkedTest[]> {
  const cycles = await store.pdsa
    .find(
      { linkedMeasures: measureKey, startedOn: { $exists: true } },
      { sort: { startedOn: 1, number: 1 } },
    )
    .toArray();
  return cycles.map((c) => ({ number: c.number, title: c.title, startedOn: c.startedOn! }));
}
