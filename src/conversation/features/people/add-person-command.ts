import { ValidationError } from '../../../errors.js';
import { groupPlaces } from '../../../programme/people/group-places.js';
import { addLocalPerson } from '../../../programme/people/local-person.js';
import type { Member, WorkspaceRole } from '../../../store/schemas/member.js';
import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { card, plain } from '../../replies.js';
import { resolvePerson } from '../../resolve-person.js';
import type { Reply } from '../../turn.js';
import { addToGroup } from '../setup/group-people.js';
import { grantWorkspaceRole } from '../setup/role-commands.js';

const ROLES = new Map([
  ['lead', 'leads'],
  ['coach', 'coaches'],
  ['member', 'members'],
] as const);

type GroupRole = 'leads' | 'coaches' | 'members';

/**
 * What follows the name, if anything: `as lead|coach|member of <group>` (a group role), `as coach` or
 * `as admin` alone (a programme role), or `as lead` / `as member` with no group (which group is then
 * asked). Without it, "Ravi Shah as coach" would be taken whole as a name.
 */
function splitRole(words: string): { who: string; role?: GroupRole; group?: string; programmeRole?: WorkspaceRole; groupMissing?: 'lead' | 'member' } {
  const trimmed = words.trim();
  const inGroup = /^(.*?)\s+as\s+(?:an?\s+)?(lead|coach|member)\s+(?:of|in)\s+(.+)$/i.exec(trimmed);
  if (inGroup) return { who: inGroup[1]!.trim(), role: ROLES.get(inGroup[2]!.toLowerCase() as 'lead')!, group: inGroup[3]!.trim() };
  const alone = /^(.*?)\s+as\s+(?:an?\s+)?(lead|coach|member|admin)(?:\s+of\s+the\s+programme)?$/i.exec(trimmed);
  if (!alone) return { who: trimmed };
  const word = alone[2]!.toLowerCase();
  const who = alone[1]!.trim();
  return word === 'coach' || word === 'admin' ? { who, programmeRole: word } : { who, groupMissing: word as 'lead' | 'member' };
}

/** "Which group?", with the sentence to type and the groups there are; nothing is added. */
async function askWhichGroup(ctx: TurnContext, who: string, role: 'lead' | 'member'): Promise<never> {
  const groups = await ctx.store.groups.find({ archived: { $ne: true } }, { projection: { key: 1 } }).sort({ key: 1 }).toArray();
  const example = groups[0]?.key ?? '<group>';
  const all = groups.length > 1 ? ` The groups: ${groups.map((g) => `\`${g.key}\``).join(', ')}.` : '';
  throw new ValidationError(
    'person_group_missing',
    `Which group? Say it like \`person add "${plain(who.replace(/^["“]|["”]$/g, ''))}" as ${role} of ${example}\`.${all} I haven’t added anyone yet.`,
  );
}

/**
 * `person add <who> [as lead|coach|member of <group> | as coach|admin]`: makes someone known to the bot before they
 * have written to it. In the local chat a person is just a name; on Slack and Teams they are found
 * on the platform by the adapter (a mention, an e-mail, the roster). Admins and leads may add people.
 */
export async function addPersonCommand(ctx: TurnContext, words: string): Promise<Reply[]> {
  ctx.requireRole(['admin', 'lead'], 'add people');
  ctx.requireProgramme();
  const { who, role, group: groupName, programmeRole, groupMissing } = splitRole(words);
  if (!who) throw new ValidationError('no_person', 'Say who, e.g. `person add "Sam Lee"`.');
  if (groupMissing) await askWhichGroup(ctx, who, groupMissing);
  // Checked before anyone is added, so a lead asking for a coach changes nothing.
  if (programmeRole) ctx.requireRole(['admin'], `make people ${programmeRole}s`);
  // Find the group first, so a wrong group name changes nothing.
  const group = groupName ? await findGroup(ctx, groupName) : undefined;
  let person: Member;
  let added: boolean;
  if (ctx.turn.platform === 'web') {
    ({ member: person, added } = await addLocalPerson(ctx, who));
  } else {
    const before = await ctx.store.members.countDocuments({});
    person = await resolvePerson(ctx, who, { addIfNew: true });
    added = (await ctx.store.members.countDocuments({})) > before;
  }
  const lines = [
    added
      ? `*${plain(person.name)}* is added to pacebot.${ctx.turn.platform === 'web' ? ' Choose them under “You are” to speak as them.' : ''}`
      : `*${plain(person.name)}* was already known to pacebot.`,
  ];
  if (group && role) lines.push(await addToGroup(ctx, group, role, person.userId));
  else if (programmeRole) lines.push(await grantWorkspaceRole(ctx, programmeRole, person.userId));
  else {
    const where = added ? [] : await groupsOf(ctx, person);
    lines.push(
      where.length > 0
        ? `${plain(person.name)} is ${where.join(', ')}.`
        : `Next, give them a group: \`group <group> member "${plain(person.name)}"\`.`,
    );
  }
  return [card({ title: added ? 'Person added' : 'Person', sections: [{ text: lines.join('\n') }] })];
}

/**
 * Where someone already known stands: "a member of *Legal*", "a lead of *Panel*". Asked to add them
 * again, the reply said "Next, give them a group" to an admin whose colleague was already in one.
 */
async function groupsOf(ctx: TurnContext, person: Member): Promise<string[]> {
  const id = person.userId;
  const groups = await ctx.store.groups
    // An archived group has left the programme's work: being in one is no group to speak of.
    .find({ archived: { $ne: true }, $or: [{ leads: id }, { members: id }, { coaches: id }] }, { sort: { name: 1 } })
    .toArray();
  return groupPlaces(groups, id).map(({ group, role }) => `a ${role} of *${plain(group.name)}*`);
}
