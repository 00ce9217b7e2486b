import { ValidationError } from '../../../errors.js';
import type { Group } from '../../../store/schemas/group.js';
import type { TurnContext } from '../../context.js';
import { card, plain } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { resolvePerson } from '../../resolve-person.js';
import { audit } from './save-group.js';

type GroupRole = 'leads' | 'coaches' | 'members';
const ROLE_WORDS = new Map<string, GroupRole>([
  ['lead', 'leads'],
  ['coach', 'coaches'],
  ['member', 'members'],
]);

const done = (title: string, said: string): Reply[] => [card({ title, sections: [{ text: said }] })];

/**
 * `group <g> remove [lead|coach|member] @person`: takes the person out of one role, or out of the
 * group altogether. Admins may change anyone; a group's lead its members and coaches.
 */
export async function removeFromGroup(ctx: TurnContext, group: Group, words: string[]): Promise<Reply[]> {
  const first = words[0]?.toLowerCase() ?? '';
  const role = ROLE_WORDS.get(first);
  const who = (role ? words.slice(1) : words).join(' ');
  const person = await resolvePerson(ctx, who, { exactName: true });
  const removingLead = role === 'leads' || (!role && group.leads.includes(person.userId));
  if (removingLead) ctx.requireRole(['admin'], 'change who leads an aim group');
  else ctx.requireRole(['admin', 'lead'], `change the people of ${plain(group.name)}`, group);
  const roles: GroupRole[] = role ? [role] : ['leads', 'coaches', 'members'];
  if (!roles.some((r) => group[r].includes(person.userId))) {
    return done('Nothing to change', `${plain(person.name)} is not ${role ? `a ${first}` : 'in'} ${role ? 'of ' : ''}*${plain(group.name)}*.`);
  }
  const pull = Object.fromEntries(roles.map((r) => [r, person.userId]));
  const after = await ctx.store.groups.findOneAndUpdate({ key: group.key }, { $pull: pull });
  await audit(ctx, group.key, role ? `remove_${first}` : 'remove_person', group, after);
  const what = role ? `no longer a ${first} of` : 'no longer in';
  return done('Changed', `${plain(person.name)} is ${what} *${plain(group.name)}*.`);
}

/** `leave <group>`: the person using the bot leaves the group, whatever their role in it. */
export async function leaveGroup(ctx: TurnContext, group: Group): Promise<Reply[]> {
  const me = ctx.turn.user.id;
  if (![...group.leads, ...group.coaches, ...group.members].includes(me)) {
    return done('Nothing to change', `You are not in *${plain(group.name)}*.`);
  }
  // Who leads a group is an admin's to change (removeFromGroup): `leave` took a lead's role away
  // with no card, and could leave the group with no lead at all (a phone check).
  if (group.leads.includes(me)) {
    return done(
      'Nothing changed',
      `You lead *${plain(group.name)}*: an admin changes who leads it (\`group ${group.key} remove lead <name>\`), so ask one. \`leave\` takes members and coaches out.`,
    );
  }
  const after = await ctx.store.groups.findOneAndUpdate({ key: group.key }, { $pull: { leads: me, coaches: me, members: me } });
  await audit(ctx, group.key, 'leave', group, after);
  return done('Left', `You have left *${plain(group.name)}*.`);
}

/** `group <g> rename "<new name>"`: the key (and so every link to it) stays. */
export async function renameGroup(ctx: TurnContext, group: Group, name: string): Promise<Reply[]> {
  ctx.requireRole(['admin', 'lead'], `rename ${plain(group.name)}`, group);
  const clean = name.replace(/^["“]|["”]$/g, '').trim();
  if (clean.length < 2 || clean.length > 80) {
    throw new ValidationError('bad_group_name', 'Give the new name in quotes, e.g. `group legal rename "Legal processes"`.');
  }
  const after = await ctx.store.groups.findOneAndUpdate({ key: group.key }, { $set: { name: clean } });
  await audit(ctx, group.key, 'rename', group, after);
  return done('Renamed', `*${plain(group.name)}* is now *${plain(clean)}*.`);
}

/**
 * `group <g> archive` / `restore`: an archived group keeps its history (tests, measures, audit)
 * but leaves charts and digests, and can be brought back.
 */
export async function archiveGroup(ctx: TurnContext, group: Group, archived: boolean): Promise<Reply[]> {
  ctx.requireRole(['admin'], archived ? 'archive an aim group' : 'restore an aim group');
  if (!!group.archived === archived) {
    return done('Nothing to change', `*${plain(group.name)}* is ${archived ? 'already archived' : 'not archived'}.`);
  }
  const after = await ctx.store.groups.findOneAndUpdate({ key: group.key }, { $set: { archived } });
  await audit(ctx, group.key, archived ? 'archive' : 'restore', group, after);
  return done(
    archived ? 'Archived' : 'Restored',
    archived
      ? `*${plain(group.name)}* is archived: it keeps its history but leaves charts and digests. \`group ${group.key} restore\` brings it back.`
      : `*${plain(group.name)}* is back in charts and digests.`,
  );
}
