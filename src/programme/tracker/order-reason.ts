import type { MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { checkMilestoneOrder, expectedOrder } from '../../domain/milestone-order.js';
import { milestoneNoun } from '../cases/day-format.js';

type Dated = { milestone: string; date: string };

// Per catalogue: each milestone's transitive "must not come before" set, for the quick check.
const predecessorCache = new WeakMap<MilestoneCatalogue, Map<string, string[]>>();

function predecessorsOf(catalogue: MilestoneCatalogue): Map<string, string[]> {
  const cached = predecessorCache.get(catalogue);
  if (cached) return cached;
  const direct = new Map<string, string[]>();
  for (const { earlier, later } of expectedOrder(catalogue)) {
    direct.set(later, [...(direct.get(later) ?? []), earlier]);
  }
  const all = new Map<string, string[]>();
  for (const m of catalogue) {
    const seen = new Set<string>();
    const stack = [...(direct.get(m.key) ?? [])];
    while (stack.length > 0) {
      const key = stack.pop()!;
      if (seen.has(key)) continue;
      seen.add(key);
      stack.push(...(direct.get(key) ?? []));
    }
    all.set(m.key, [...seen]);
  }
  predecessorCache.set(catalogue, all);
  return all;
}

/**
 * Whether every date is on or after the dates of the milestones it must not precede. Most rows are
 * in order, and this is a few comparisons each where `checkMilestoneOrder` works the order out
 * afresh per date; it is used only to name the problem once there is one.
 */
function inOrder(actual: readonly Dated[], catalogue: MilestoneCatalogue): boolean {
  const predecessors = predecessorsOf(catalogue);
  const dates = new Map(actual.map((r) => [r.milestone, r.date]));
  return actual.every(({ milestone, date }) =>
    (predecessors.get(milestone) ?? []).every((earlier) => {
      const theirs = dates.get(earlier);
      return theirs === undefined || theirs <= date;
    }),
  );
}

/**
 * Checks one row's actual dates against the catalogue's expected order and says what is out of
 * order, e.g. "permanence panel before the permanence recommendation", or returns null. Dates are
 * taken in journey order, so the milestone named first is the later one that came too early.
 */
export function orderProblem(
  actual: readonly Dated[],
  catalogue: MilestoneCatalogue,
): string | null {
  if (inOrder(actual, catalogue)) return null;
  const position = new Map(catalogue.map((m) => [m.key, m.order]));
  const inJourneyOrder = [...actual].sort(
    (a, b) => (position.get(a.milestone) ?? 0) - (position.get(b.milestone) ?? 0),
  );
  const seen: Record<string, string> = {};
  for (const { milestone, date } of inJourneyOrder) {
    const found = checkMilestoneOrder(seen, milestone, date, catalogue);
    if (found) {
      const noun = (key: string) => milestoneNoun(catalogue, key);
      return `${noun(milestone)} ${found.conflict.relation} the ${noun(found.conflict.milestone)}`;
    }
    seen[milestone] = date;
  }
  return null;
}
