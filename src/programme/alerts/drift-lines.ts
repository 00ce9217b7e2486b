import { plain } from '../../../cards/plain-text.js';
import { labelMidSentence, type MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import type { Notice } from '../../store/schemas/notice.js';
import { daysFrom, milestoneNoun, waitText } from '../cases/day-format.js';
import { labelOf } from '../cases/milestone-settings.js';

/** What a drift alert's line needs: the child, the stage, and when the wait began. */
export type DriftFacts = Pick<Notice, 'caseRef' | 'groupKey' | 'from' | 'milestone' | 'startedOn'>;

/** Longest wait first (the earliest start), then by reference, so a list reads the same each time. */
export function longestWaitFirst<T extends DriftFacts>(alerts: readonly T[]): T[] {
  return [...alerts].sort((a, b) => a.startedOn!.localeCompare(b.startedOn!) || a.caseRef!.localeCompare(b.caseRef!));
}

/**
 * One alert as a line for a phone: "*C1042*: 31 weeks since accommodation, no permanence
 * recommendation yet". Only ever for a direct message: it names the child.
 */
export function driftLine(alert: DriftFacts, catalogue: MilestoneCatalogue, today: string, groupName?: string): string {
  const from = milestoneNoun(catalogue, alert.from!);
  const to = labelMidSentence(labelOf(catalogue, alert.milestone!));
  const group = groupName ? ` (${plain(groupName)})` : '';
  return `- *${alert.caseRef}*: ${waitText(daysFrom(alert.startedOn!, today))} since ${plain(from)}, no ${plain(to)} yet${group}`;
}

/** The words that act on one alert, with its reference in them, for a reply to end with. */
export function driftCommandsFor(caseRef: string): string {
  return `\`snooze ${caseRef} 4 weeks "awaiting court date"\` or \`hand on ${caseRef} to @name\``;
}
