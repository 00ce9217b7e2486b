import { markdownToPlainText } from '../../../../cards/markdown-subset.js';
import { ValidationError } from '../../../errors.js';
import { changeWorkspaceRole } from '../../../programme/people/workspace-role.js';
import type { Group } from '../../../store/schemas/group.js';
import type { Member } from '../../../store/schemas/member.js';
import type { TurnContext } from '../../context.js';
import { resolvePerson } from '../../resolve-person.js';
import { audit } from './save-group.js';
import { plain, possessive } from '../../replies.js';

type GroupRole = 'leads' | 'coaches' | 'members';

/** Adds a person to a group's leads, coaches or members; admins assign leads/coaches, leads may add members. */
export async function addToGroup(ctx: TurnContext, group: Group, role: GroupRole, who: string): Promise<string> {
  if (role === 'members') ctx.requireRole(['admin', 'lead', 'coach'], `add members to ${plain(group.name)}`, group);
  else ctx.requireRole(['admin'], `assign ${role} to aim groups`);
  const person = await resolvePerson(ctx, who, { addIfNew: true, exactName: true });
  // Coaching is a programme role (prompts, change ideas, digest questions check it), so a group's coach
  // is given it too; otherwise "coach of Legal" would still be told "Only a coach can …". Granted first:
  // each write is idempotent, so repeating the command finishes a change that stopped half way.
  const madeCoach = role === 'coaches' ? await grantCoachRole(ctx, person) : false;
  if (group[role].includes(person.userId)) return `${plain(person.name)} is already in ${plain(group.name)} as ${singular(role)}.`;
  const after = await ctx.store.groups.findOneAndUpdate({ key: group.key }, { $addToSet: { [role]: person.userId, ...(role !== 'members' ? { members: person.userId } : {}) } });
  await audit(ctx, group.key, `add_${singular(role)}`, group, after);
  const coachNote = madeCoach ? ' They are now a coach of the programme too: they can schedule prompts and curate change ideas.' : '';
  return `${plain(person.name)} is now a ${singular(role)} of *${plain(group.name)}*.${coachNote}`;
}

/** Gives the programme's coach role, audited as `coach add` does; false when they had it already. */
async function grantCoachRole(ctx: TurnContext, person: Member): Promise<boolean> {
  if (person.roles.includes('coach')) return false;
  return (await changeWorkspaceRole(ctx, person, 'coach', 'grant')) !== null;
}

/** The group form's people fields (group-form.ts), by the role they add. */
const PICKER_FIELDS = { leads: 'addLeads', members: 'addMembers' } as const;

/**
 * The people a form's pickers named (comma-separated platform ids, or names in the local chat),
 * resolved — and added to the bot if the adapter found them on the platform — before anything is saved.
 */
export async function pickedPeople(
  ctx: TurnContext,
  fields: Partial<Record<'leads' | 'members', string | undefined>>,
): Promise<{ role: GroupRole; userId: string }[]> {
  const picked: { role: GroupRole; userId: string }[] = [];
  for (const role of ['leads', 'members'] as const) {
    for (const said of (fields[role] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      if (role === 'leads') ctx.requireRole(['admin'], 'assign leads to aim groups');
      const person = await resolvePerson(ctx, said, { addIfNew: true }).catch((error: unknown) => {
        // Said beside the field it came from, so the form shows it there with everything typed kept;
        // as plain text, since a form shows a field's message as it is (no markdown).
        if (error instanceof ValidationError && !error.field) {
          throw new ValidationError(error.code, markdownToPlainText(error.userMessage), { field: PICKER_FIELDS[role], cause: error });
        }
        throw error;
      });
      if (!picked.some((p) => p.role === role && p.userId === person.userId)) picked.push({ role, userId: person.userId });
    }
  }
  return picked;
}

/** The person using the bot joins a group as a member. */
export async function joinGroup(ctx: TurnContext, group: Group): Promise<string> {
  if (group.leads.includes(ctx.turn.user.id)) return `You already lead *${plain(group.name)}*.`;
  if (group.members.includes(ctx.turn.user.id)) return `You are already a member of *${plain(group.name)}*.`;
  const after = await ctx.store.groups.findOneAndUpdate({ key: group.key }, { $addToSet: { members: ctx.turn.user.id } });
  await audit(ctx, group.key, 'join', group, after);
  return `Welcome to *${plain(group.name)}*. Log a test of change with \`pdsa new\`.`;
}

/** Links the conversation the command was typed in to the group (prompts and its digest part go there). */
export async function linkChannel(ctx: TurnContext, group: Group): Promise<string> {
  ctx.requireRole(['admin', 'lead'], `link a channel to ${plain(group.name)}`, group);
  if (ctx.turn.conversation.kind === 'direct') {
    throw new ValidationError('link_needs_channel', `Type this in the channel you want to link, e.g. \`group ${group.key} link\` in #${group.key}.`);
  }
  const channel = { platform: ctx.turn.platform, conversationId: ctx.turn.conversation.id };
  const after = await ctx.store.groups.findOneAndUpdate({ key: group.key }, { $set: { channel } });
  await audit(ctx, group.key, 'link_channel', group, after);
  return `This channel is now *${plain(group.name)}*${possessive(group.name)} channel: coach prompts for the group will be posted here.`;
}

function singular(role: GroupRole): string {
  return { leads: 'lead', coaches: 'coach', members: 'member' }[role];
}