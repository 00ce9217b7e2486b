import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Turn, TurnPerson } from '../../src/conversation/turn.js';

/** A roster bigger than this is not read further: the people wanted are named, not browsed. */
const MAX_PAGES = 5;
const PAGE_SIZE = 500;
/** A people picker's value: comma-separated AAD object ids (graph.microsoft.com/users). */
const AAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Mention = { type?: string; mentioned?: { id?: string; name?: string; aadObjectId?: string } };

/** The team's roster (in a team channel) or the chat's members, page by page (TeamsInfo). */
async function roster(ctx: TurnContext): Promise<TeamsChannelAccount[]> {
  const members: TeamsChannelAccount[] = [];
  let continuationToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await TeamsInfo.getPagedMembers(ctx, PAGE_SIZE, continuationToken);
    members.push(...(result.members ?? []));
    continuationToken = result.continuationToken;
    if (!continuationToken) break;
  }
  return members;
}

function personOf(member: TeamsChannelAccount, said: string): TurnPerson {
  // pacebot knows a Teams person by their AAD object id (teams-activity.ts userIdOf).
  const email = (member.email ?? member.userPrincipalName)?.toLowerCase();
  return { id: member.aadObjectId ?? member.id, name: member.name, ...(email ? { email } : {}), said: [said.toLowerCase()] };
}

/**
 * The people a Teams turn names — @mentions, and people chosen in a card's people picker — found in
 * the roster of the team or chat, so the core can add someone who has never written to the bot.
 * Only when the turn names someone is the roster read; if it cannot be, nobody is added and the core
 * says it does not know the person.
 */
export async function teamsPeople(ctx: TurnContext, turn: Turn): Promise<TurnPerson[]> {
  const botId = ctx.activity.recipient?.id;
  const mentions = ((ctx.activity.entities ?? []) as Mention[])
    .filter((e) => e.type === 'mention' && e.mentioned?.id && e.mentioned.id !== botId)
    .map((e) => e.mentioned!);
  const picked = Object.values(turn.action?.values ?? {})
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => AAD_ID.test(v));
  if (mentions.length === 0 && picked.length === 0) return [];
  const members = await roster(ctx).catch(() => [] as TeamsChannelAccount[]);
  const found: TurnPerson[] = [];
  for (const mention of mentions) {
    const member = members.find((m) => m.id === mention.id || (mention.aadObjectId && m.aadObjectId === mention.aadObjectId));
    if (member) found.push(personOf(member, mention.name ?? member.name));
  }
  for (const id of picked) {
    const member = members.find((m) => m.aadObjectId?.toLowerCase() === id.toLowerCase());
    if (member) found.push({ ...personOf(member, id), id });
  }
  return found;
}

/** The turn with the people it names, when it names any. */
export async function withTeamsPeople(ctx: TurnContext, turn: Turn): Promise<Turn> {
  const people = await teamsPeople(ctx, turn);
  return people.length > 0 ? { ...turn, people } : turn;
}
