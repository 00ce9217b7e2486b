import { ValidationError } from '../../../errors.js';
import { addLocalPerson } from '../../../programme/people/local-person.js';
import type { Member } from '../../../store/schemas/member.js';
import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { card, plain } from '../../replies.js';
import { resolvePerson } from '../../resolve-person.js';
import type { Reply } from '../../turn.js';
import { addToGroup } from '../setup/group-people.js';

const ROLES = new Map([
  ['lead', 'leads'],
  ['coach', 'coaches'],
  ['member', 'members'],
] as const);

/** `… as lead|coach|member of <group>` at the end of the words, if there. */
function splitRole(words: string): { who: string; role?: 'leads' | 'coaches' | 'members'; group?: string } {
  const match = /^(.*?)\s+as\s+(?:an?\s+)?(lead|coach|member)\s+(?:of|in)\s+(.+)$/i.exec(words.trim());
  if (!match) return { who: words.trim() };
  return { who: match[1]!.trim(), role: ROLES.get(match[2]!.toLowerCase() as 'lead')!, group: match[3]!.trim() };
}

/**
 * `person add <who> [as lead|coach|member of <group>]`: makes someone known to the bot before they
 * have written to it. In the local chat a person is just a name; on Slack and Teams they are found
 * on the platform by the adapter (a mention, an e-mail, the roster). Admins and leads may add people.
 */
export async function addPersonCommand(ctx: TurnContext, words: string): Promise<Reply[]> {
  ctx.requireRole(['admin', 'lead'], 'add people');
  ctx.requireProgramme();
  const { who, role, group: groupName } = splitRole(words);
  if (!who) throw new ValidationError('no_person', 'Say who, e.g. `person add "Sam Lee"`.');
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
  else lines.push(`Next, give them a group: \`group <group> member "${plain(person.name)}"\`.`);
  return [card({ title: added ? 'Person added' : 'Person', sections: [{ text: lines.join('\n') }] })];
}
