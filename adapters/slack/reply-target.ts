import type {
  BlockActionsPayload,
  MessageEventBody,
  SlashCommandPayload,
} from './payload-schemas.js';
import type { ViewMetadata } from './view-metadata.js';

/**
 * Where the replies to one Slack turn go. Built by the listener from the payload; read by
 * send-reply.
 */
export interface ReplyTarget {
  /** Conversation for new messages: a channel id, or a user id for the app's DM with that user. */
  channel: string;
  /** Parent message ts when the turn was in a thread (never a reply's own ts). */
  threadTs?: string;
  /**
   * The interaction's response_url, set only when every answer should go there (ephemerally)
   * instead of `chat.postMessage` because the bot may not be in the conversation: slash commands
   * and ephemeral cards (platforms.md §1.3).
   */
  responseUrl?: string;
  /** The bot message a button was on, so a `replaces` card can update it in place. */
  messageTs?: string;
  /** The interaction's trigger_id: single-use, dead after 3 s (platforms.md §1.6). */
  triggerId?: string;
  /** The words of a typed turn, so a form it asked for can be reopened from a button. */
  sourceText?: string;
}

/** A DM or @-mention: answer in the same conversation, in its thread if it was in one. */
export function targetForMessage(body: MessageEventBody, text: string): ReplyTarget {
  const { event } = body;
  return { channel: event.channel, ...(event.thread_ts && { threadTs: event.thread_ts }), sourceText: text };
}

/** `/pace`: the bot may not be in the channel, so answers go to the response_url. */
export function targetForCommand(command: SlashCommandPayload): ReplyTarget {
  return {
    channel: command.channel_id,
    ...(command.response_url ? { responseUrl: command.response_url } : {}),
    triggerId: command.trigger_id,
    sourceText: command.text,
  };
}

/**
 * A button: on a bot message, answer in its conversation and thread; on an ephemeral message,
 * through the response_url; on the App Home or in a modal, in the user's DM with the app.
 */
export function targetForAction(payload: BlockActionsPayload, sourceText?: string): ReplyTarget {
  const base = { triggerId: payload.trigger_id, ...(sourceText ? { sourceText } : {}) };
  const channel = payload.channel?.id;
  if (!channel || payload.container.type === 'view') return { ...base, channel: payload.user.id };
  if (payload.container.is_ephemeral || !payload.message) {
    return { ...base, channel, ...(payload.response_url && { responseUrl: payload.response_url }) };
  }
  const threadTs = payload.message.thread_ts;
  return { ...base, channel, messageTs: payload.message.ts, ...(threadTs ? { threadTs } : {}) };
}

/** A modal has no conversation of its own: answer where the form was asked for, else in the DM. */
export function targetForView(metadata: ViewMetadata, userId: string): ReplyTarget {
  return {
    channel: metadata.c ?? userId,
    ...(metadata.t ? { threadTs: metadata.t } : {}),
    ...(metadata.r ? { responseUrl: metadata.r } : {}),
  };
}
