import type { MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { LIST_LINES, byChild, childrenText, driftCommandsFor, driftLine, type DriftFacts } from './drift-lines.js';

/** What the list's last line promises: `alerts` names every child, LIST_LINES to a message. */
export const SEE_THEM_ALL = `say \`alerts\` to see them all, ${LIST_LINES} to a message`;

/**
 * One direct message for many drift alerts at once (the first morning after pacebot starts, when
 * many children are already past their group's time): one line per child (a child in no group can
 * hold one alert per group), longest wait first, the first LIST_LINES named, the rest counted with
 * how to see them, and how to act on any of them. Groups are named only when there are several, to
 * keep each line short on a phone.
 */
export function driftListText(
  alerts: readonly DriftFacts[],
  catalogue: MilestoneCatalogue,
  today: string,
  groupNames: ReadonlyMap<string, string>,
): string {
  const children = byChild(alerts);
  const severalGroups = new Set(alerts.map((a) => a.groupKey)).size > 1;
  const nameOf = severalGroups ? (key: string) => groupNames.get(key) ?? key : undefined;
  const shown = children.slice(0, LIST_LINES);
  const more = children.length - shown.length;
  const one = children.length === 1;
  return [
    `*${childrenText(children.length)} ${one ? 'has' : 'have'} waited past their group’s alert time*`,
    ...(one ? [] : ['Here they are in one message rather than one each, longest wait first:']),
    ...shown.map((child) => driftLine(child, catalogue, today, nameOf)),
    ...(more > 0 ? [`…and ${more} more — ${SEE_THEM_ALL}.`] : []),
    `To act on one, say ${driftCommandsFor(shown[0]!.caseRef)}.`,
  ].join('\n');
}
