import type { Filter } from 'mongodb';
import { plain } from '../../replies.js';
import { requireTeam, teamFilter } from '../../../programme/cases/case-team.js';
import type { Case } from '../../../store/schemas/case.js';
import type { TurnContext } from '../../context.js';

/** Case references go to a person, never into a channel: there, lists give counts only. */
export function inDirect(ctx: TurnContext): boolean {
  return ctx.turn.conversation.kind === 'direct';
}

export const ASK_IN_DIRECT = '_Ask me in a direct message to see which children — case references never go into a channel._';

/** The team a list was asked for ("overdue team North"), checked against the teams cases are in. */
export async function teamArg(ctx: TurnContext, rest: string): Promise<{ team?: string; filter: Filter<Case> }> {
  const match = /^(?:(?:for|in)\s+)?(?:team|locality)\s+(.+)$/i.exec(rest.trim());
  if (!match) return { filter: {} };
  const team = await requireTeam(ctx.store, match[1]!);
  return { team, filter: teamFilter(team) };
}

/** " in team North", for headings. */
export const inTeam = (team: string | undefined) => (team ? ` in team ${plain(team)}` : '');

/** The cases a lead sees: their groups' and those in no group; an admin sees every case. */
export function groupScope(ctx: TurnContext): Filter<Case> {
  if (ctx.isAdmin) return {};
  return { $or: [{ groupKey: { $in: ctx.leadOf.map((g) => g.key) } }, { groupKey: { $exists: false } }] };
}
