import type { RunChartAnnotation } from '../../charts/run-chart-spec.js';
import type { MeasurePoint } from '../../domain/measures/index.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { cycleId } from '../pdsa/cycle-id.js';
import { cycleAnnotations } from '../pdsa/queries.js';
import { comparePeriods } from './chart-settings.js';

type Store = Pick<WorkspaceStore, 'pdsa' | 'groups'>;
interface Started {
  number: number;
  title: string;
  startedOn: string;
}

/** Tests of change in these groups that have a start date, whether or not they were linked. */
async function groupCycles(store: Store, groupKeys: string[]): Promise<Started[]> {
  if (groupKeys.length === 0) return [];
  const cycles = await store.pdsa
    .find({ groupKey: { $in: groupKeys }, startedOn: { $exists: true } })
    .toArray();
  return cycles.map((c) => ({ number: c.number, title: c.title, startedOn: c.startedOn! }));
}

/**
 * Markers for the tests of change behind a measure: those linked to it, and those of its group (or of
 * the group whose aim it measures, or the group asked about), each at the first point on or after its
 * start. A test that started after the last point has nothing to mark yet.
 */
export async function chartAnnotations(
  store: Store,
  measure: { key: string; groupKey?: string },
  points: readonly MeasurePoint[],
  askedGroupKey?: string,
): Promise<RunChartAnnotation[]> {
  const aimGroups = await store.groups.find({ 'aim.measureKey': measure.key }).toArray();
  const groupKeys = [
    ...new Set([measure.groupKey, askedGroupKey, ...aimGroups.map((g) => g.key)]),
  ].filter((k): k is string => k !== undefined);
  const [linked, inGroups] = await Promise.all([
    cycleAnnotations(store, measure.key),
    groupCycles(store, groupKeys),
  ]);
  const cycles = [...new Map([...linked, ...inGroups].map((c) => [c.number, c])).values()];
  return cycles
    .sort((a, b) => a.startedOn.localeCompare(b.startedOn) || a.number - b.number)
    .flatMap((cycle) => {
      const index = points.findIndex((p) => comparePeriods(p.period, cycle.startedOn) >= 0);
      if (index < 0) return [];
      const label = `${cycleId(cycle.number)} ${cycle.title}`;
      return [{ index, label: label.length > 60 ? `${label.slice(0, 59)}…` : label }];
    });
}
