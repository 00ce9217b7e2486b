import type { Group } from '../../store/schemas/group.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { aimWeeks } from '../measures/aim-weeks.js';
import { listMeasures } from '../measures/measure-catalogue.js';

/** One aim group's alert rule: a child waiting longer than `weeks` from `from` without `to`. */
export interface DriftThreshold {
  group: Group;
  from: string;
  to: string;
  weeks: number;
  /** Where the weeks come from: the aim's target ("95% within 26 weeks") or the group's own setting. */
  source: 'aim' | 'group';
}

/** The key of a group's own alert time in the notices. */
export const thresholdKey = (groupKey: string) => `threshold:${groupKey}`;

/**
 * Each active group's alert rule: the stage of its aim's key measure, after the weeks its aim's
 * target names (the target line the charts draw), or the weeks the group set for itself. A group
 * with no such aim and no setting of its own has no rule, and so no alerts.
 */
export async function driftThresholds(
  store: Pick<WorkspaceStore, 'measures' | 'groups' | 'notices'>,
  now: Date,
): Promise<DriftThreshold[]> {
  const [measures, groups, own] = await Promise.all([
    listMeasures(store, now),
    store.groups.find({ archived: { $ne: true } }, { sort: { key: 1 } }).toArray(),
    store.notices.find({ kind: 'threshold', status: 'open' }).toArray(),
  ]);
  const ownWeeks = new Map(own.map((t) => [t.groupKey, t.weeks]));
  return groups.flatMap((group): DriftThreshold[] => {
    const stage = measures.find((m) => m.key === group.aim?.measureKey && m.kind === 'interval');
    if (!stage?.from || !stage.to) return [];
    const set = ownWeeks.get(group.key);
    const weeks = set ?? aimWeeks(group);
    if (!weeks) return [];
    return [{ group, from: stage.from, to: stage.to, weeks, source: set ? 'group' : 'aim' }];
  });
}
