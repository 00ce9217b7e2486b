import { rolesAndPlaces } from '../../../programme/people/group-places.js';
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
    const parts = rolesAndPlaces(m.roles, groups, m.userId, (g) => plain(g.name));
    return `- ${plain(m.name)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
  });
  const how =
    ctx.turn.platform === 'web' ? 'Add someone: `person add "<name>"` (their name as colleagues know it)' : 'Add someone: `person add @name`, or pick them in `group new`';
  return [card({ title: `People (${members.length})`, sections: [{ text: lines.join('\n') || 'Nobody yet.' }, { text: how }] })];
}
