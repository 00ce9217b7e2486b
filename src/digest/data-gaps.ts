import { DateTime } from 'luxon';
import { pastAim, weeksAndDays } from '../domain/past-aim.js';
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

/** Each month's short name as luxon writes it ('LLL' in the default locale), looked up once. */
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) =>
  DateTime.fromObject({ year: 2001, month: i + 1, day: 1 }, { zone: 'UTC' }).toFormat('LLL'),
);

/**
 * "3 Oct 2026", as luxon's 'd LLL yyyy' writes it, without parsing a DateTime per date: a digest
 * of a large area writes hundreds of these. The dates were checked as real when the cases were read.
 */
const day = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

function gap(c: GapCase, kind: FoundGap['kind'], milestones: string[], detail: string): FoundGap {
  const { caseRef, groupKey } = c;
  return { kind, caseRef, milestones, detail, ...(groupKey && { groupKey }) };
}

/**
 * Milestones out of the expected order (a date earlier than one it must follow), or a later
 * milestone recorded while the one it must follow has no date: either way the measures cannot use
 * the child.
 */
export function sequenceGaps(
  cases: readonly GapCase[],
  pairs: readonly MilestoneOrderPair[],
  label: Label,
): FoundGap[] {
  // Loops rather than nested flatMaps: every case meets every ordered pair (tens of thousands of
  // checks in a large area), and almost none is a gap.
  const found: FoundGap[] = [];
  for (const c of cases) {
    for (const { earlier, later } of pairs) {
      const then = c.milestones[later]?.actual;
      if (!then) continue;
      const first = c.milestones[earlier]?.actual;
      if (first && then >= first) continue;
      const detail = first
        ? `${label(later)} (${day(then)}) before ${label(earlier)} (${day(first)})`
        : `${label(later)} on ${day(then)} but no ${label(earlier)} date`;
      found.push(gap(c, 'sequence', [earlier, later], detail));
    }
  }
  return found;
}

/** Planned dates that are in the past with no actual date recorded. */
export function plannedPassedGaps(
  cases: readonly GapCase[],
  today: string,
  label: Label,
): FoundGap[] {
  return cases.flatMap((c) =>
    Object.entries(c.milestones).flatMap(([key, dates]) => {
      if (!dates.planned || dates.planned >= today || dates.actual) return [];
      const detail = `${label(key)} planned for ${day(dates.planned)}, no date since`;
      return [gap(c, 'plannedPassed', [key], detail)];
    }),
  );
}

/**
 * Children who started the aim's stage more than `weeks` ago and have not reached its end, longest
 * wait first: the lead reads the list to see who has drifted furthest. Past by the rule `alerts`
 * and `overdue` share (pastAim), the wait said with its days so none reads as the aim's own weeks.
 */
export function pastThresholdGaps(
  cases: readonly GapCase[],
  stage: { from: string; to: string; weeks: number; today: string },
  label: Label,
): FoundGap[] {
  const waiting = cases.flatMap((c) => {
    const start = c.milestones[stage.from]?.actual;
    if (!start || c.milestones[stage.to]?.actual) return [];
    const days = pastAim(start, stage.today, stage.weeks);
    return days === null ? [] : [{ c, days }];
  });
  return waiting
    .sort((a, b) => b.days - a.days || a.c.caseRef.localeCompare(b.c.caseRef))
    .map(({ c, days }) => {
      const detail = `${weeksAndDays(days)} since ${label(stage.from)}, no ${label(stage.to)} yet`;
      return gap(c, 'pastThreshold', [stage.from, stage.to], detail);
    });
}

/**
 * The gaps a group answers for: its own cases, and cases in no group whose problem lies within the
 * milestones the group's measures span.
 */
export function gapsOfGroup(
  gaps: readonly FoundGap[],
  groupKey: string,
  milestones: ReadonlySet<string>,
): FoundGap[] {
  const within = (g: FoundGap) => g.milestones.some((m) => milestones.has(m));
  return gaps.filter((g) => g.groupKey === groupKey || (!g.groupKey && within(g)));
}
