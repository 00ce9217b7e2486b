import { plain } from '../../../cards/plain-text.js';
import { labelMidSentence, type MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import type { Notice } from '../../store/schemas/notice.js';
import { weeksAndDays } from '../../domain/past-aim.js';
import { daysFrom, milestoneNoun } from '../cases/day-format.js';
import { labelOf } from '../cases/milestone-settings.js';

/** What a drift alert's line needs: the child, the stage, and when the wait began. */
export type DriftFacts = Pick<Notice, 'caseRef' | 'groupKey' | 'from' | 'milestone' | 'startedOn'>;

/**
 * A message naming children names at most this many, so it reads on a phone: the morning's list
 * (the rest counted) and each message of `alerts` (the rest in the next message).
 */
export const LIST_LINES = 15;

/** Longest wait first (the earliest start), then by reference, so a list reads the same each time. */
export function longestWaitFirst<T extends DriftFacts>(alerts: readonly T[]): T[] {
  return [...alerts].sort((a, b) => a.startedOn!.localeCompare(b.startedOn!) || a.caseRef!.localeCompare(b.caseRef!));
}

/** One child's alerts, longest wait first: a child in no group gets one per group whose time they passed. */
export interface ChildAlerts<T extends DriftFacts> {
  caseRef: string;
  alerts: T[];
}

/** Alerts as children, the child with the longest wait first: lists count and name children, not alerts. */
export function byChild<T extends DriftFacts>(alerts: readonly T[]): ChildAlerts<T>[] {
  const children = new Map<string, T[]>();
  for (const alert of longestWaitFirst(alerts)) {
    const theirs = children.get(alert.caseRef!);
    if (theirs) theirs.push(alert);
    else children.set(alert.caseRef!, [alert]);
  }
  return [...children].map(([caseRef, theirs]) => ({ caseRef, alerts: theirs }));
}

/** "1 child", "4 children". */
export const childrenText = (n: number) => `${n} ${n === 1 ? 'child' : 'children'}`;

/**
 * One child as a line for a phone: "*C1042*: 30 weeks 4 days since accommodation, no permanence
 * recommendation yet" (the days too, so a child past 30 weeks never reads "30 weeks"), the groups
 * whose time they passed in brackets when `groupName` is given. Two groups with the same stage
 * share one wait; different stages are said one after the other. Only ever for a direct message:
 * it names the child.
 */
export function driftLine(
  child: ChildAlerts<DriftFacts>,
  catalogue: MilestoneCatalogue,
  today: string,
  groupName?: (groupKey: string) => string,
): string {
  const stages = new Map<string, DriftFacts[]>();
  for (const alert of child.alerts) {
    const stage = `${alert.from}|${alert.milestone}|${alert.startedOn}`;
    stages.set(stage, [...(stages.get(stage) ?? []), alert]);
  }
  const waits = [...stages.values()].map((same) => {
    const { from, milestone, startedOn } = same[0]!;
    const since = plain(milestoneNoun(catalogue, from!));
    const to = plain(labelMidSentence(labelOf(catalogue, milestone!)));
    const groups = groupName ? ` (${[...new Set(same.map((a) => plain(groupName(a.groupKey ?? ''))))].join(', ')})` : '';
    return `${weeksAndDays(daysFrom(startedOn!, today))} since ${since}, no ${to} yet${groups}`;
  });
  return `- *${child.caseRef}*: ${waits.join('; ')}`;
}

/** The words that act on one child's alerts, with its reference in them, for a reply to end with. */
export function driftCommandsFor(caseRef: string): string {
  return `\`snooze ${caseRef} 4 weeks "awaiting court date"\` or \`hand on ${caseRef} to @name\``;
}
