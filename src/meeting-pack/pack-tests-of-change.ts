import type { CycleChange } from '../programme/pdsa/queries.js';
import type { OverdueCycle } from '../digest/digest-model.js';
import { STUDY_DUE_DAYS } from '../digest/study-due.js';
import type { PackList } from './pack-model.js';
import { predictionVerdictWords } from '../programme/pdsa/verdict-words.js';

type Clean = (text: string) => string;

/** Each list gathers the tests whose latest step since the last meeting was this one. */
const LISTS: [CycleChange['event'], string][] = [
  ['planned', 'New'],
  ['carried_out', 'Carried out, to study next'],
  ['studied', 'Studied'],
  ['decided', 'Decided'],
];

const STEP_WORDS: Record<CycleChange['event'], string> = {
  planned: 'started',
  carried_out: 'carried out',
  studied: 'studied',
  decided: 'decided',
};

/** Each test's steps since the last meeting, in time order; tests in the order of their last step. */
function stepsByTest(changes: readonly CycleChange[]): CycleChange[][] {
  const byNumber = new Map<number, CycleChange[]>();
  for (const change of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    byNumber.set(change.number, [...(byNumber.get(change.number) ?? []), change]);
  }
  return [...byNumber.values()].sort(
    (a, b) => a.at(-1)!.at.getTime() - b.at(-1)!.at.getTime() || a[0]!.number - b[0]!.number,
  );
}

/**
 * Tests of change since the last meeting, each listed once at the stage it reached (new, studied,
 * decided…) with the steps it took; one overdue for Study says so where it is listed, and the
 * overdue ones that did nothing since the last meeting are listed last. Owners are named: the pack
 * is about the groups' work, never about a child.
 */
export function testsOfChangeLists(
  changes: readonly CycleChange[],
  overdue: readonly OverdueCycle[],
  clean: Clean,
): PackList[] {
  const tests = stepsByTest(changes);
  const late = new Set(overdue.map((c) => c.number));
  const lists = LISTS.map(([event, heading]): PackList => ({
    heading,
    none: 'none',
    items: tests
      .filter((steps) => steps.at(-1)!.event === event)
      .map((steps) => {
        const last = steps.at(-1)!;
        const decision = last.decision ? `: ${last.decision}` : '';
        const studied = steps.find((s) => s.verdict);
        const verdict = studied?.verdict ? `, ${predictionVerdictWords(studied.verdict, studied.botVerdict)}` : '';
        const path = steps.length > 1 ? ` (${steps.map((s) => STEP_WORDS[s.event]).join(', then ')})` : '';
        const due = late.has(last.number) ? ' — overdue for Study' : '';
        return `T-${last.number} ${clean(last.title)}, ${clean(last.ownerName)}${decision}${verdict}${path}${due}`;
      }),
  }));
  const listed = new Set(tests.map((steps) => steps[0]!.number));
  const waiting = overdue
    .filter((c) => !listed.has(c.number))
    .map((c) => `T-${c.number} ${clean(c.title)}, ${clean(c.ownerName)}`);
  const heading = `Overdue for Study (carried out over ${STUDY_DUE_DAYS} days ago)`;
  return waiting.length > 0 ? [...lists, { heading, none: 'none', items: waiting }] : lists;
}
