import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Db } from 'mongodb';
import type { Turn, TurnPerson } from '../../src/conversation/turn.js';
import { linkedChannelIds } from '../../src/programme/people/linked-channels.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import type { TeamsConversationRefs } from './conversation-refs.js';
import { parseTeamsActivity, tenantOf } from './teams-activity.js';

/** A roster bigger than this is not read further: the people wanted are named, not browsed. */
const MAX_PAGES = 5;
const PAGE_SIZE = 500;
/** A people picker's value: comma-separated AAD object ids (graph.microsoft.com/users). */
const AAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Mention = { type?: string; mentioned?: { id?: string; name?: string; aadObjectId?: string } };

/** Where a lookup may read the programme's linked channels and the teams they are in. */
export interface PeopleLookupDeps {
  db: Db;
  refs: TeamsConversationRefs;
}

type Page = { members?: TeamsChannelAccount[]; continuationToken?: string };

/** A roster read page by page, up to MAX_PAGES. */
async function pages(read: (token: string | undefined) => Promise<Page>): Promise<TeamsChannelAccount[]> {
  const members: TeamsChannelAccount[] = [];
  let continuationToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await read(continuationToken);
    members.push(...(result.members ?? []));
    continuationToken = result.continuationToken;
    if (!continuationToken) break;
  }
  return members;
}

/** The team's roster (in a team channel) or the chat's members (TeamsInfo). */
function roster(ctx: TurnContext): Promise<TeamsChannelAccount[]> {
  return pages((token) => TeamsInfo.getPagedMembers(ctx, PAGE_SIZE, token));
}

/**
 * The rosters of the teams whose channels are linked to the programme (the champions' channel,
 * then the groups'), read one team at a time until everyone wanted is found. A personal chat's
 * roster holds only the person writing, so a colleague picked there is looked for where the
 * programme's people are. A team the bot can no longer read is passed over.
 */
async function linkedTeamRosters(
  ctx: TurnContext,
  deps: PeopleLookupDeps,
  missing: (members: TeamsChannelAccount[]) => boolean,
): Promise<TeamsChannelAccount[]> {
  const workspaceId = tenantOf(parseTeamsActivity(ctx.activity));
  const channels = await linkedChannelIds(workspaceStore(deps.db, workspaceId), 'teams');
  const teams = new Set<string>();
  for (const channel of channels) {
    const teamId = (await deps.refs.find(workspaceId, channel))?.teamId;
    if (teamId) teams.add(teamId);
  }
  const members: TeamsChannelAccount[] = [];
  for (const teamId of teams) {
    members.push(...(await pages((token) => TeamsInfo.getPagedTeamMembers(ctx, teamId, PAGE_SIZE, token)).catch(() => [])));
    if (!missing(members)) break;
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
 * the roster of the team or chat, so the core can add someone who has never written to the bot; from
 * a personal chat, also in the teams of the programme's linked channels (`deps`). Only when the turn
 * names someone is a roster read; if none can be, nobody is added and the core says it does not know
 * the person.
 */
export async function teamsPeople(ctx: TurnContext, turn: Turn, deps?: PeopleLookupDeps): Promise<TurnPerson[]> {
  const botId = ctx.activity.recipient?.id;
  const mentions = ((ctx.activity.entities ?? []) as Mention[])
    .filter((e) => e.type === 'mention' && e.mentioned?.id && e.mentioned.id !== botId)
    .map((e) => e.mentioned!);
  const picked = Object.values(turn.action?.values ?? {})
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => AAD_ID.test(v));
  if (mentions.length === 0 && picked.length === 0) return [];
  const mentioned = (mention: Mention['mentioned'] & object) => (m: TeamsChannelAccount) =>
    m.id === mention.id || Boolean(mention.aadObjectId && m.aadObjectId === mention.aadObjectId);
  const pickedAs = (id: string) => (m: TeamsChannelAccount) => m.aadObjectId?.toLowerCase() === id.toLowerCase();
  const missing = (known: TeamsChannelAccount[]) =>
    mentions.some((m) => !known.some(mentioned(m))) || picked.some((id) => !known.some(pickedAs(id)));
  const members = await roster(ctx).catch(() => [] as TeamsChannelAccount[]);
  if (deps && ctx.activity.conversation?.conversationType === 'personal' && missing(members)) {
    members.push(...(await linkedTeamRosters(ctx, deps, (more) => missing([...members, ...more])).catch(() => [])));
  }
  const found: TurnPerson[] = [];
  for (const mention of mentions) {
    const member = members.find(mentioned(mention));
    if (member) found.push(personOf(member, mention.name ?? member.name));
  }
  for (const id of picked) {
    const member = members.find(pickedAs(id));
    if (member) found.push({ ...personOf(member, id), id });
  }
  return found;
}

/** The turn with the people it names, when it names any. */
export async function withTeamsPeople(ctx: TurnContext, turn: Turn, deps?: PeopleLookupDeps): Promise<Turn> {
  const people = await teamsPeople(ctx, turn, deps);
  return people.length > 0 ? { ...turn, people } : turn;
}
