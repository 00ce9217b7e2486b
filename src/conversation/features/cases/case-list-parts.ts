import type { Filter } from 'mongodb';
import { plain } from '../../replies.js';
import { requireTeam, teamFilter } from '../../../programme/cases/case-team.js';
import type { Case } from '../../../store/schemas/case.js';
import type { TurnContext } from '../../context.js';

/** How many lines a list shows before "…and N more". */
export const SHOW = 25;

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

/**
 * Who holds each case: the worker it was handed to, or else whoever last recorded its dates.
 * Names come from the members and the audit, never from message text.
 */
export async function ownersOf(ctx: TurnContext, cases: readonly Pick<Case, 'caseRef' | 'ownerId'>[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const handed = [...new Set(cases.flatMap((c) => (c.ownerId ? [c.ownerId] : [])))];
  const members = handed.length ? await ctx.store.members.find({ userId: { $in: handed } }).toArray() : [];
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  const unowned = cases.filter((c) => !c.ownerId).map((c) => c.caseRef);
  const recorded = unowned.length
    ? await ctx.store.audit
        .find({ entity: 'case', entityId: { $in: unowned }, action: { $in: ['record', 'import'] } }, { projection: { entityId: 1, actor: 1, at: 1 } })
        .sort({ at: 1 })
        .toArray()
    : [];
  for (const entry of recorded) owners.set(entry.entityId, entry.actor.name);
  for (const c of cases) if (c.ownerId) owners.set(c.caseRef, nameOf.get(c.ownerId) ?? 'someone who has left');
  return owners;
}

/** The cases a lead sees: their groups' and those in no group; an admin sees every case. */
export function groupScope(ctx: TurnContext): Filter<Case> {
  if (ctx.isAdmin) return {};
  return { $or: [{ groupKey: { $in: ctx.leadOf.map((g) => g.key) } }, { groupKey: { $exists: false } }] };
}
