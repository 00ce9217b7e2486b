import type { MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { driftCommandsFor, driftLine, longestWaitFirst, type DriftFacts } from './drift-lines.js';

/** A morning's list names at most this many children; the rest are counted and `alerts` shows them. */
export const LIST_LINES = 15;

/**
 * One direct message for many drift alerts at once (the first morning after pacebot starts, when
 * many children are already past their group's time): longest wait first, the first LIST_LINES
 * named, the rest counted, and how to act on any of them. Groups are named only when there are
 * several, to keep each line short on a phone.
 */
export function driftListText(
  alerts: readonly DriftFacts[],
  catalogue: MilestoneCatalogue,
  today: string,
  groupNames: ReadonlyMap<string, string>,
): string {
  const ordered = longestWaitFirst(alerts);
  const severalGroups = new Set(ordered.map((a) => a.groupKey)).size > 1;
  const shown = ordered.slice(0, LIST_LINES);
  const more = ordered.length - shown.length;
  return [
    `*${ordered.length} children have waited past their group’s alert time*`,
    `Here they are in one message rather than ${ordered.length}, longest wait first:`,
    ...shown.map((a) => driftLine(a, catalogue, today, severalGroups ? (groupNames.get(a.groupKey ?? '') ?? a.groupKey) : undefined)),
    ...(more > 0 ? [`…and ${more} more — say \`alerts\` to see them all.`] : []),
    `To act on one, say ${driftCommandsFor(shown[0]!.caseRef!)}.`,
  ].join('\n');
}
