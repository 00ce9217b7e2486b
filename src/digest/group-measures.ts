import { DEFAULT_MILESTONE_CATALOGUE } from '../domain/milestone-catalogue.js';
import type { MeasureDefinition } from '../programme/measures/measure-catalogue.js';
import type { Group } from '../store/schemas/group.js';

/** How many run charts one group's part carries: its key ones, not every measure it defined. */
export const MAX_GROUP_CHARTS = 3;

/** A group's key measures: its aim's measure, then its own ("% within target" first). */
export function groupMeasures(
  group: Group,
  all: readonly MeasureDefinition[],
): MeasureDefinition[] {
  const aim = all.filter((m) => m.key === group.aim?.measureKey);
  const own = all
    .filter((m) => m.groupKey === group.key && m.key !== group.aim?.measureKey)
    .sort((a, b) => Number(b.kind === 'proportion') - Number(a.kind === 'proportion'));
  return [...aim, ...own].slice(0, MAX_GROUP_CHARTS);
}

/** The milestones a group's measures span, from each start to each end in catalogue order. */
export function groupMilestones(measures: readonly MeasureDefinition[]): Set<string> {
  const order = DEFAULT_MILESTONE_CATALOGUE.map((m) => m.key);
  const keys = new Set<string>();
  for (const m of measures) {
    if (!m.from || !m.to) continue;
    keys.add(m.from).add(m.to);
    const [start, end] = [order.indexOf(m.from), order.indexOf(m.to)];
    if (start >= 0 && end > start) for (const key of order.slice(start, end + 1)) keys.add(key);
  }
  return keys;
}

/**
 * The stage an aim's weeks are timed on: its key measure's start and end milestones, or null when
 * the aim names no key measure (or one that is not a stage). Without it nobody can be "still
 * waiting after" the aim's weeks, as `overdue` and `alerts` say too.
 */
export function aimStage(
  group: Pick<Group, 'aim'>,
  all: readonly MeasureDefinition[],
): { from: string; to: string } | null {
  const stage = all.find((m) => m.key === group.aim?.measureKey && m.kind === 'interval');
  return stage?.from && stage.to ? { from: stage.from, to: stage.to } : null;
}

// The one reader of an aim's weeks, shared with overdue, waiting at and the alerts.
export { aimWeeks } from '../programme/measures/aim-weeks.js';
