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

/**
 * What a group's cycles did since an instant: started, carried out, studied, decided; in time
 * order. Over cycles already read: the digest reads a programme's tests of change once, not once
 * per group and chart (issue 15).
 */
export function changesSince(cycles: readonly PdsaCycle[], groupKey: string, since: Date): CycleChange[] {
  const changes: CycleChange[] = [];
  for (const cycle of cycles) {
    if (cycle.groupKey !== groupKey) continue;
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
export async function cyclesOverdueForStudy(
  store: Store,
  now: Date,
  days: number,
  groupKey?: string,
): Promise<PdsaCycle[]> {
  const cycles = await store.pdsa.find({ stage: 'do', ...(groupKey ? { groupKey } : {}) }).toArray();
  return overdueForStudy(cycles, now, days, groupKey);
}

/** The rule of cyclesOverdueForStudy over cycles already read. */
export function overdueForStudy(cycles: readonly PdsaCycle[], now: Date, days: number, groupKey?: string): PdsaCycle[] {
  const cutoff = DateTime.fromJSDate(now, { zone: 'UTC' }).minus({ days }).toISODate()!;
  const carriedOut = (c: PdsaCycle) => c.do?.carriedOutOn;
  return cycles
    .filter((c) => c.stage === 'do' && (groupKey === undefined || c.groupKey === groupKey))
    .filter((c) => {
      const on = carriedOut(c);
      return typeof on === 'string' && on <= cutoff;
    })
    .sort((a, b) => byText(carriedOut(a)!, carriedOut(b)!));
}

/** A test of change linked to a measure, as its chart marks it. */
export interface LinkedTest {
  number: number;
  title: string;
  startedOn: string;
}

/** Run-chart markers: the cycles linked to a measure, by start date. */
export async function cycleAnnotations(store: Store, measureKey: string): Promise<LinkedTest[]> {
  return linkedTests(await store.pdsa.find({ linkedMeasures: measureKey }).toArray(), measureKey);
}

/** The rule of cycleAnnotations over cycles already read: linked, with a start date, by start date then number. */
export function linkedTests(cycles: readonly PdsaCycle[], measureKey: string): LinkedTest[] {
  return cycles
    .filter(
      (c): c is PdsaCycle & { startedOn: string } =>
        Array.isArray(c.linkedMeasures) && c.linkedMeasures.includes(measureKey) && typeof c.startedOn === 'string',
    )
    .sort((a, b) => byText(a.startedOn, b.startedOn) || a.number - b.number)
    .map((c) => ({ number: c.number, title: c.title, startedOn: c.startedOn }));
}

/** ISO dates compare as text, as the store compares them. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
