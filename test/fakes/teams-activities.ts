import { randomUUID } from 'node:crypto';

/** A Teams user as activities carry them: the Bot Framework id plus the Entra object id. */
export interface TeamsTestUser {
  id: string;
  name: string;
  aadObjectId: string;
}

// Not "pacebot": the core strips a leading "pacebot" itself, which would hide a mention left in the text.
export const BOT = { id: '28:00000000-0000-0000-0000-0000000b0700', name: 'Permanence Helper' };
export const TENANT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';
export const TEAM_ID = '19:team-general@thread.tacv2';
export const CHANNEL_ID = '19:champions-channel@thread.tacv2';

export function teamsUser(name: string, aadObjectId = randomUUID()): TeamsTestUser {
  return { id: `29:1${aadObjectId.replace(/-/g, '')}`, name, aadObjectId };
}

let sequence = 0;

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface ActivityOptions {
  serviceUrl: string;
  type?: string;
  user?: TeamsTestUser;
  tenantId?: string;
  scope?: Scope;
  /** Conversation id; default per scope (personal chats get one per user). */
  conversationId?: string;
  /** Channel only: the root message id of the reply chain (adds `;messageid=`). */
  threadId?: string;
  extra?: Record<string, unknown>;
}

/**
 * A Teams activity shaped like what the Bot Connector posts (ids, tenant in channelData and on the
 * conversation, channel data for teams), with `serviceUrl` pointing at the fake connector.
 */
export function teamsActivity(options: ActivityOptions): Record<string, unknown> {
  const user = options.user ?? teamsUser('Alex Admin', '11111111-1111-4111-8111-111111111111');
  const tenantId = options.tenantId ?? TENANT_A;
  const scope = options.scope ?? 'personal';
  const base =
    options.conversationId ??
    (scope === 'personal'
      ? `a:1personal-${user.aadObjectId}`
      : scope === 'groupChat'
        ? '19:group-chat@thread.v2'
        : CHANNEL_ID);
  const conversationId = options.threadId ? `${base};messageid=${options.threadId}` : base;
  return {
    type: options.type ?? 'message',
    id: `17${Date.now()}${++sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: {
      id: conversationId,
      conversationType: scope,
      tenantId,
      ...(scope !== 'personal' && { isGroup: true }),
    },
    channelData: {
      tenant: { id: tenantId },
      ...(scope === 'channel' && {
        team: { id: TEAM_ID },
        channel: { id: base },
        teamsTeamId: TEAM_ID,
        teamsChannelId: base,
      }),
    },
    locale: 'en-GB',
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web' }],
    ...options.extra,
  };
}

/** A typed message; in a channel or group chat the bot is @mentioned first, as Teams requires. */
export function teamsMessage(text: string, options: ActivityOptions): Record<string, unknown> {
  const mentioned = (options.scope ?? 'personal') !== 'personal';
  const mention = `<at>${BOT.name}</at>`;
  return teamsActivity({
    ...options,
    extra: {
      text: mentioned ? `${mention} ${text}` : text,
      textFormat: 'plain',
      ...(mentioned && {
        entities: [
          { type: 'mention', text: mention, mentioned: BOT },
          { type: 'clientInfo', locale: 'en-GB' },
        ],
      }),
      ...options.extra,
    },
  });
}

/** Action.Execute pressed: an `adaptiveCard/action` invoke whose data holds the card data and inputs. */
export function teamsCardAction(
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions,
): Record<string, unknown> {
  return teamsActivity({
    ...options,
    type: 'invoke',
    extra: {
      name: 'adaptiveCard/action',
      replyToId: '1700000000001',
      value: {
        action: { type: 'Action.Execute', id: `${verb}__submit`, verb, data: { ...data, verb } },
        trigger: 'manual',
      },
      ...options.extra,
    },
  });
}

/** The Action.Submit fallback: a message with `value` (data merged with inputs) and no text. */
export function teamsCardSubmit(
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions,
): Record<string, unknown> {
  return teamsActivity({
    ...options,
    extra: { replyToId: '1700000000002', value: { ...data, verb }, ...options.extra },
  });
}

/** The bot added to (or removed from) a conversation. */
export function teamsConversationUpdate(
  change: 'added' | 'removed',
  options: ActivityOptions,
): Record<string, unknown> {
  const members = [{ id: BOT.id }];
  return teamsActivity({
    ...options,
    type: 'conversationUpdate',
    extra: {
      ...(change === 'added' ? { membersAdded: members } : { membersRemoved: members }),
      ...options.extra,
    },
  });
}

/** App installed or uninstalled in a scope. */
export function teamsInstallationUpdate(
  action: 'add' | 'remove',
  options: ActivityOptions,
): Record<string, unknown> {
  return teamsActivity({
    ...options,
    type: 'installationUpdate',
    extra: { action, ...options.extra },
  });
}

/** POSTs an activity to the bot as the Bot Connector would, optionally with a bearer token. */
export async function postActivity(
  botUrl: string,
  activity: unknown,
  token?: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text (botbuilder answers auth failures in plain text)
  }
  return { status: response.status, body };
}
