import { ValidationError } from '../../../errors.js';
import type { WorkspaceRole } from '../../../store/schemas/member.js';
import type { Command } from '../../registry.js';
import { card, plain, text } from '../../replies.js';
import { findGroup } from '../../find-group.js';
import { splitArgs } from '../../match-command.js';
import { resolvePerson } from '../../resolve-person.js';
import type { TurnContext } from '../../context.js';
import { addToGroup, joinGroup, linkChannel } from './group-people.js';
import { leaveGroup } from './group-changes.js';
import { changeWorkspaceRole } from '../../../programme/people/workspace-role.js';

/** Takes a workspace role away; the last admin stays, so the workspace is never without one. */
async function removeWorkspaceRole(ctx: TurnContext, role: WorkspaceRole, who: string): Promise<string> {
  ctx.requireRole(['admin'], `remove ${role}s`);
  const person = await resolvePerson(ctx, who, { exactName: true });
  if (!person.roles.includes(role)) return `${plain(person.name)} is not ${role === 'admin' ? 'an admin' : 'a coach'}.`;
  if (role === 'admin' && (await ctx.store.members.countDocuments({ roles: 'admin' })) <= 1) {
    throw new ValidationError('last_admin', `${plain(person.name)} is the only admin. Make someone else an admin first (\`admin add @name\`).`);
  }
  await changeWorkspaceRole(ctx, person, role, 'remove');
  return `${plain(person.name)} is no longer ${role === 'admin' ? 'an admin' : 'a coach'}.`;
}

/** Grants a programme role (admin, coach); `person add … as coach` uses it too. */
export async function grantWorkspaceRole(ctx: TurnContext, role: WorkspaceRole, who: string): Promise<string> {
  ctx.requireRole(['admin'], `make people ${role}s`);
  const person = await resolvePerson(ctx, who, { addIfNew: true, exactName: true });
  if (person.roles.includes(role)) return `${plain(person.name)} is already ${role === 'admin' ? 'an admin' : 'a coach'}.`;
  await changeWorkspaceRole(ctx, person, role, 'grant');
  return `${plain(person.name)} is now ${role === 'admin' ? 'an admin' : 'a coach'}.`;
}

/** A people change (or why there was none), confirmed on a card like every other. */
const peopleCard = (said: string) => card({ title: 'People', sections: [{ text: said }] });

/** Role and membership commands. */
export const roleCommands: Command[] = [
  {
    words: ['coach', 'add'],
    roles: ['admin'],
    usage: 'coach add @person',
    example: 'coach add @Morag',
    summary: 'Make someone a coach (they can post prompts and curate change ideas).',
    colleagueEmails: true,
    run: async (ctx, rest) => [peopleCard(await grantWorkspaceRole(ctx, 'coach', rest))],
  },
  {
    words: ['admin', 'add'],
    roles: ['admin'],
    usage: 'admin add @person',
    example: 'admin add @Priya',
    summary: 'Make someone an admin.',
    colleagueEmails: true,
    run: async (ctx, rest) => [peopleCard(await grantWorkspaceRole(ctx, 'admin', rest))],
  },
  {
    words: ['coach', 'remove'],
    roles: ['admin'],
    usage: 'coach remove @person',
    example: 'coach remove @Morag',
    summary: 'Take the coach role away from someone.',
    run: async (ctx, rest) => [peopleCard(await removeWorkspaceRole(ctx, 'coach', rest))],
  },
  {
    words: ['admin', 'remove'],
    roles: ['admin'],
    usage: 'admin remove @person',
    example: 'admin remove @Priya',
    summary: 'Take the admin role away from someone (never the last admin).',
    run: async (ctx, rest) => [peopleCard(await removeWorkspaceRole(ctx, 'admin', rest))],
  },
  {
    words: ['leave'],
    roles: ['member'],
    usage: 'leave <group>',
    example: 'leave permanence-milestones',
    summary: 'Leave an aim group.',
    run: async (ctx, rest) => leaveGroup(ctx, await findGroup(ctx, rest)),
  },
  {
    words: ['join'],
    roles: ['member'],
    usage: 'join <group>',
    example: 'join permanence-milestones',
    summary: 'Join an aim group.',
    run: async (ctx, rest) => [peopleCard(await joinGroup(ctx, await findGroup(ctx, rest)))],
  },
  {
    words: ['champions', 'channel'],
    roles: ['admin'],
    usage: 'champions channel',
    example: 'champions channel',
    summary: "Make this channel the champions' channel (the digest is posted here).",
    async run(ctx) {
      ctx.requireRole(['admin'], "choose the champions' channel");
      const programme = ctx.requireProgramme();
      if (ctx.turn.conversation.kind === 'direct') throw new ValidationError('link_needs_channel', "Type `champions channel` in the champions' channel itself.");
      const championsChannel = { platform: ctx.turn.platform, conversationId: ctx.turn.conversation.id };
      await ctx.store.programmes.updateOne({}, { $set: { championsChannel, updatedAt: ctx.now } });
      await ctx.store.recordAudit({ actor: ctx.actor(), entity: 'programme', entityId: ctx.store.workspaceId, action: 'champions_channel', before: programme.championsChannel ?? null, after: championsChannel, source: ctx.source() });
      return [text("This is now the champions' channel: the digest will be posted here before each meeting.")];
    },
  },
  {
    words: ['whoami'],
    roles: ['member'],
    usage: 'whoami',
    example: 'whoami',
    summary: 'Show your roles.',
    async run(ctx) {
      const roles = [...ctx.member.roles, ...ctx.leadOf.map((g) => `lead of ${plain(g.name)}`)];
      return [text(`You are ${plain(ctx.member.name)}: ${roles.length > 0 ? roles.join(', ') : 'member'}.`)];
    },
  },
];

const ROLE_OF = new Map<string, 'leads' | 'coaches' | 'members'>([
  ['lead', 'leads'],
  ['coach', 'coaches'],
  ['member', 'members'],
]);

/** Group sub-commands: `group <g> lead|coach|member @person`, `group <g> link`. Returns null if not one. */
export async function groupSubcommand(ctx: TurnContext, rest: string): Promise<string | null> {
  const [name, sub, ...who] = splitArgs(rest);
  const verb = sub?.toLowerCase();
  if (!name || !verb) return null;
  // A Map: `verb in {…}` would take "constructor" for a role.
  const role = ROLE_OF.get(verb);
  if (role) return addToGroup(ctx, await findGroup(ctx, name), role, who.join(' '));
  if (verb === 'link') return linkChannel(ctx, await findGroup(ctx, name));
  return null;
}

/** What `group <g> <word>` understands, for the answer to a word it does not. */
export const GROUP_WORDS = 'lead, coach, member @person; remove [lead|coach|member] @person; measure <measure>; rename "<name>"; archive; restore; link; edit';
