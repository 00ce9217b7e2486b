import type { Group } from '../../store/schemas/group.js';
import type { MeasureDefinition } from './measure-catalogue.js';

/** An aim group's target line as a chart draws it: the value, and the group it belongs to. */
export interface GroupTargetLine {
  value: number;
  groupKey: string;
  groupName: string;
}

type TargetGroup = Pick<Group, 'key' | 'name' | 'aim'>;

/**
 * The line the group form's "Target line (weeks)" asks for, on the group's key measure only, or
 * null. The line is in weeks (the form says so), so it is drawn only on a chart in weeks: a key
 * measure is a stage measure, which always is, but a line in weeks must never land on a % chart.
 *
 * Only the stored value is drawn, never the weeks read off the aim's words: the form leaves the line
 * optional, and `group <g> measure` stores the aim's weeks as the line and says so, so what is drawn
 * is always what the group's card and that reply showed.
 */
export function groupTargetLine(group: TargetGroup, measure: Pick<MeasureDefinition, 'key' | 'unit'>): GroupTargetLine | null {
  const aim = group.aim;
  if (!aim || aim.measureKey !== measure.key || aim.targetValue === undefined || measure.unit !== 'weeks') return null;
  return { value: aim.targetValue, groupKey: group.key, groupName: group.name };
}

/**
 * Whose target line `chart <measure>` draws. A measure's own target is the catalogue's; an aim
 * group's is that group's, and several groups may share one key measure with different lines. A
 * chart typed in chat is drawn for one group at most, chosen so nobody is shown a line that is not
 * theirs without its name on it:
 * 1. the group named in the request ("chart acc-rec group legal"), or whose channel it is asked in:
 *    its line, or none if it has none for this measure (the request was for that group's view);
 * 2. otherwise the one group with a line for the measure that the person leads, coaches or is a
 *    member of: a lead asking for their key measure sees their own aim;
 * 3. otherwise the only group with a line for the measure, if there is just one (the legend names it).
 * When that still leaves several, none is drawn and `others` lists them, so the reply can say how
 * to ask for one. The group's line replaces the measure's own target (a stage measure has none
 * today); the digest, which draws each group's part, always uses that group's (group-charts.ts).
 */
export function chartTargetLine<G extends TargetGroup & Pick<Group, 'leads' | 'coaches' | 'members' | 'channel' | 'archived'>>(
  groups: readonly G[],
  measure: Pick<MeasureDefinition, 'key' | 'unit'>,
  asked: { named?: G | undefined; userId: string; conversationId: string },
): { line: GroupTargetLine | null; others: G[] } {
  const here = asked.named ?? groups.find((g) => !g.archived && g.channel?.conversationId === asked.conversationId);
  if (here) return { line: groupTargetLine(here, measure), others: [] };
  const withLine = groups.filter((g) => !g.archived && groupTargetLine(g, measure) !== null);
  const theirs = withLine.filter((g) => [...g.leads, ...g.coaches, ...g.members].includes(asked.userId));
  const chosen = theirs.length === 1 ? theirs[0] : theirs.length === 0 && withLine.length === 1 ? withLine[0] : undefined;
  if (chosen) return { line: groupTargetLine(chosen, measure), others: [] };
  return { line: null, others: theirs.length > 1 ? theirs : withLine };
}
