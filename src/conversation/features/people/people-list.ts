import { groupPlaces } from '../../../programme/people/group-places.js';
import type { TurnContext } from '../../context.js';
import { card, plain } from '../../replies.js';
import type { Reply } from '../../turn.js';

/** `people`: everyone the bot knows in this workspace, with their roles and groups. */
export async function peopleList(ctx: TurnContext): Promise<Reply[]> {
  const [members, groups] = await Promise.all([
    ctx.store.members.find({}, { projection: { userId: 1, name: 1, roles: 1 } }).sort({ name: 1 }).toArray(),
    ctx.store.groups.find({ archived: { $ne: true } }, { projection: { name: 1, leads: 1, coaches: 1, members: 1 } }).toArray(),
  ]);
  const lines = members.map((m) => {
    // Each group by the role held there, coaches too: a member read "Kim Ode: Permanence" (a try-out).
    // A coach of a group holds the programme's coach role too: "coach, coach of Permanence" said it twice.
    const places = groupPlaces(groups, m.userId);
    const roles = m.roles.filter((role) => !places.some((p) => p.role === role));
    const parts = [...roles, ...places.map(({ group, role }) => `${role} of ${plain(group.name)}`)];
    return `- ${plain(m.name)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
  });
  const how =
    ctx.turn.platform === 'web' ? 'Add someone: `person add "<name>"` (their name as colleagues know it)' : 'Add someone: `person add @name`, or pick them in `group new`';
  return [card({ title: `People (${members.length})`, sections: [{ text: lines.join('\n') || 'Nobody yet.' }, { text: how }] })];
}
