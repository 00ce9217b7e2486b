import { DateTime } from 'luxon';
import type { MilestoneOrderPair } from '../domain/milestone-order.js';
import type { CaseGap } from './digest-model.js';

/** A case as the gap checks read it: its reference, group and milestone dates. */
export interface GapCase {
  caseRef: string;
  groupKey?: string;
  milestones: Record<string, { actual?: string; planned?: string }>;
}

/** A gap with what it is about, so it can be given to the group that owns those milestones. */
export interface FoundGap extends CaseGap {
  kind: 'sequence' | 'plannedPassed' | 'pastThreshold';
  groupKey?: string;
  milestones: string[];
}

type Label = (key: string) => string;

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).toFormat('d LLL yyyy');

/**
 * Milestones out of the expected order (a date earlier than one it must follow), or a later milestone
 * recorded while the one it must follow has no date: either way the measures cannot use the child.
 */
export function sequenceGaps(cases: readonly GapCase[], pairs: readonly MilestoneOrderPair[], label: Label): FoundGap[] {
  return cases.flatMap((c) =>
    pairs.flatMap(({ earlier, later }) => {
      const first = c.milestones[earlier]?.actual;
      const then = c.milestones[later]?.actual;
      if (!then) return [];
      const base = { kind: 'sequence' as const, caseRef: c.caseRef, milestones: [earlier, later], ...(c.groupKey ? { groupKey: c.groupKey } : {}) };
      if (!first) return [{ ...base, detail: `${label(later)} on ${day(then)} but no ${label(earlier)} date` }];
      if (then < first) return [{ ...base, detail: `${label(later)} (${day(then)}) before ${label(earlier)} (${day(first)})` }];
      return [];
    }),
  );
}

/** Planned dates that are in the past with no actual date recorded. */
export function plannedPassedGaps(cases: readonly GapCase[], today: string, label: Label): FoundGap[] {
  return cases.flatMap((c) =>
    Object.entries(c.milestones).flatMap(([key, dates]) =>
      dates.planned && dates.planned < today && !dates.actual
        ? [{ kind: 'plannedPassed' as const, caseRef: c.caseRef, milestones: [key], detail: `${label(key)} planned for ${day(dates.planned)}, no date since`, ...(c.groupKey ? { groupKey: c.groupKey } : {}) }]
        : [],
    ),
  );
}

/** Children who started the aim's stage more than `weeks` ago and have not reached its end. */
export function pastThresholdGaps(
  cases: readonly GapCase[],
  stage: { from: string; to: string; weeks: number; today: string },
  label: Label,
): FoundGap[] {
  const today = DateTime.fromISO(stage.today, { zone: 'UTC' });
  return cases.flatMap((c) => {
    const start = c.milestones[stage.from]?.actual;
    if (!start || c.milestones[stage.to]?.actual || start > stage.today) return [];
    const weeks = Math.floor(today.diff(DateTime.fromISO(start, { zone: 'UTC' }), 'days').days / 7);
    if (weeks <= stage.weeks) return [];
    const detail = `${weeks} weeks since ${label(stage.from)}, no ${label(stage.to)} yet`;
    return [{ kind: 'pastThreshold' as const, caseRef: c.caseRef, milestones: [stage.from, stage.to], detail, ...(c.groupKey ? { groupKey: c.groupKey } : {}) }];
  });
}

/**
 * The gaps a group answers for: its own cases, and cases in no group whose problem lies within the
 * milestones the group's measures span.
 */
export function gapsOfGroup(gaps: readonly FoundGap[], groupKey: string, milestones: ReadonlySet<string>): FoundGap[] {
  return gaps.filter((g) => g.groupKey === groupKey || (!g.groupKey && g.milestones.some((m) => milestones.has(m))));
}
