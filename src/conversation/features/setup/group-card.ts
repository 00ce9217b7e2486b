import { intervalMeasureName } from '../../../domain/measures/index.js';
import { targetDateWords } from '../../../domain/target-date.js';
import type { Card } from '../../../../cards/model.js';
import type { Group } from '../../../store/schemas/group.js';
import type { TurnContext } from '../../context.js';
import { plain } from '../../replies.js';

/** An aim group as a card: aim, target, people, channel. Names only — never case data. */
export async function groupCard(ctx: TurnContext, group: Group): Promise<Card> {
  const ids = [...new Set([...group.leads, ...group.coaches, ...group.members])];
  const people = await ctx.store.members.find({ userId: { $in: ids } }).toArray();
  const names = (list: string[]) => list.map((id) => plain(people.find((p) => p.userId === id)?.name ?? id)).join(', ') || '—';
  return {
    title: group.name,
    // Plain text on every platform (cards/model.ts): no backticks, which would show as they are.
    subtitle: `Aim group, short name ${group.key}`,
    facts: [
      { label: 'Aim', value: group.aim ? plain(group.aim.statement) : 'not set yet' },
      { label: 'Target', value: group.aim ? `${plain(group.aim.target)} by ${targetDateWords(group.aim.targetDate)}` : '—' },
      ...(group.aim
        ? [{ label: 'Key measure', value: group.aim.measureKey ? (intervalMeasureName(group.aim.measureKey) ?? group.aim.measureKey) : `not chosen yet (group ${group.key} measure)` }]
        : []),
      { label: 'Leads', value: names(group.leads) },
      { label: 'Coaches', value: names(group.coaches) },
      { label: 'Members', value: String(group.members.length) },
      { label: 'Channel', value: group.channel ? 'linked' : 'not linked' },
    ],
    buttons: [
      { id: 'join', label: 'Join this group', action: { verb: 'setup.group.join', data: { key: group.key } } },
      { id: 'edit', label: 'Edit aim', action: { verb: 'setup.group.edit', data: { key: group.key } } },
    ],
  };
}

export async function groupsList(ctx: TurnContext): Promise<string> {
  const groups = await ctx.store.groups.find({}, { sort: { name: 1 } }).toArray();
  if (groups.length === 0) return 'No aim groups yet. An admin can add one with `group new`.';
  return ['*Aim groups*', ...groups.map((g) => `- *${plain(g.name)}* (\`${g.key}\`)${g.aim ? ` — ${plain(g.aim.target)} by ${targetDateWords(g.aim.targetDate)}` : ''}`)].join('\n');
}
