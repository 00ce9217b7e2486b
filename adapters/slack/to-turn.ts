import type { CardAction } from '../../cards/model.js';
import type { BlockKitStateValues } from '../../cards/read-block-kit-view-values.js';
import { readBlockKitViewValues } from '../../cards/to-block-kit.js';
import type { ConversationKind, Turn, TurnFile } from '../../src/conversation/turn.js';
import type {
  BlockActionsPayload,
  MessageEventBody,
  SlashCommandPayload,
  ViewSubmissionPayload,
} from './payload-schemas.js';
import type { ViewMetadata } from './view-metadata.js';

/** Who a turn is from, resolved by the listener (users.info, cached). */
export interface SlackUser {
  id: string;
  name: string;
}

/**
 * The workspace a payload belongs to: the team id, or `enterprise_id:team_id` on Enterprise Grid,
 * so two workspaces of one organisation never share data. An org-wide payload without a team
 * falls back to the user's team.
 */
export function workspaceIdOf(
  teamId: string | null | undefined,
  enterpriseId?: string | null,
): string {
  const team = teamId ?? '';
  if (enterpriseId) return team ? `${enterpriseId}:${team}` : enterpriseId;
  return team;
}

/** Slack's message text with the bot's own mention removed and its three HTML entities decoded. */
export function cleanMessageText(text: string, botUserId?: string): string {
  const mention = botUserId && new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g');
  const withoutBot = mention ? text.replace(mention, ' ') : text;
  return withoutBot
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function kindOf(
  channelType: string | undefined,
  channel: string,
  threadTs: string | undefined,
): ConversationKind {
  if (channelType === 'im' || (!channelType && channel.startsWith('D'))) return 'direct';
  return threadTs ? 'thread' : 'channel';
}

/** A direct message or an @-mention. */
export function messageToTurn(
  body: MessageEventBody,
  user: SlackUser,
  botUserId: string | undefined,
  receivedAt: Date,
  files?: TurnFile[],
): Turn {
  const { event } = body;
  const kind = kindOf(event.channel_type, event.channel, event.thread_ts);
  return {
    platform: 'slack',
    workspaceId: workspaceIdOf(body.team_id, body.enterprise_id),
    user,
    conversation: { id: event.channel, kind, ...(event.thread_ts && { threadId: event.thread_ts }) },
    text: cleanMessageText(event.text, botUserId),
    ...(files?.length ? { files } : {}),
    eventId: body.event_id,
    receivedAt,
  };
}

/** `/pace <text>`: the text after the command, as typed. */
export function commandToTurn(
  command: SlashCommandPayload,
  user: SlackUser,
  receivedAt: Date,
): Turn {
  const direct = command.channel_name === 'directmessage' || command.channel_id.startsWith('D');
  return {
    platform: 'slack',
    workspaceId: workspaceIdOf(command.team_id, command.enterprise_id),
    user,
    conversation: { id: command.channel_id, kind: direct ? 'direct' : 'channel' },
    text: cleanMessageText(command.text),
    eventId: command.trigger_id,
    receivedAt,
  };
}

/** The workspace of a button click or modal submission (see workspaceIdOf). */
export function interactionWorkspace(payload: BlockActionsPayload | ViewSubmissionPayload): string {
  const enterprise = payload.enterprise?.id ?? payload.team?.enterprise_id;
  return workspaceIdOf(payload.team?.id ?? payload.user.team_id, enterprise);
}

/** Where an interaction happened; none (App Home, a modal from it) means the user's DM with us. */
function interactionConversation(
  channel: string | undefined,
  threadTs: string | undefined,
  userId: string,
): Turn['conversation'] {
  if (!channel) return { id: userId, kind: 'direct' };
  const kind = kindOf(undefined, channel, threadTs);
  return { id: channel, kind, ...(threadTs && { threadId: threadTs }) };
}

/**
 * A button press: its value is the card action's JSON. Or, for a form that could not be opened
 * from a typed message, the user's own words carried back with the click's fresh trigger_id.
 */
export function actionToTurn(
  payload: BlockActionsPayload,
  said: { action: CardAction } | { text: string },
  user: SlackUser,
  receivedAt: Date,
): Turn {
  return {
    platform: 'slack',
    workspaceId: interactionWorkspace(payload),
    user,
    conversation: interactionConversation(payload.channel?.id, payload.message?.thread_ts, user.id),
    ...('action' in said ? { action: said.action } : { text: cleanMessageText(said.text) }),
    eventId: payload.trigger_id,
    receivedAt,
  };
}

/** A modal submitted: the submit action from `private_metadata` plus the inputs' values. */
export function viewSubmissionToTurn(
  payload: ViewSubmissionPayload,
  metadata: ViewMetadata,
  user: SlackUser,
  receivedAt: Date,
): Turn {
  const values = readBlockKitViewValues(payload.view.state.values as BlockKitStateValues);
  return {
    platform: 'slack',
    workspaceId: interactionWorkspace(payload),
    user,
    conversation: interactionConversation(metadata.c, metadata.t, user.id),
    action: { ...metadata.a, values },
    eventId: payload.trigger_id,
    receivedAt,
  };
}
