import type { Reply } from './conversation/turn.js';

/** Where a proactive message goes: a stored conversation of one workspace. */
export interface NotifyTarget {
  workspaceId: string;
  /** The platform's conversation id (Slack channel or DM id; Teams chat or channel id). */
  conversationId: string;
}

/** One platform message a send produced. */
export interface SentMessage {
  /** Slack ts or Teams activity id; replies in its thread carry it as their thread id. */
  messageId?: string;
}

export interface SendOptions {
  /**
   * Unique per message. Where the platform keeps it with the message (Slack message metadata), a send
   * cut off by a crash can be looked up with `findSent` instead of being repeated.
   */
  idempotencyKey?: string;
}

/**
 * Sends Replies outside a chat turn — digests, coach prompts, reminders. Jobs depend on this
 * interface only; each chat adapter implements it (adapters/teams/proactive.ts, adapters/slack, web).
 * `send` rejects with a NotFoundError when the conversation is unknown (never stored, or the bot was
 * removed) and an UpstreamError when the platform refuses, so the job can record the failure.
 */
export interface Notifier {
  platform: 'slack' | 'teams' | 'web';
  /** Sends in order; resolves with the messages it made where the adapter knows them. */
  send(
    target: NotifyTarget,
    replies: Reply[],
    options?: SendOptions,
  ): Promise<SentMessage[] | void>;
  /**
   * The bot's direct conversation with a person, opened if the platform allows (Slack
   * conversations.open). Optional: without it jobs use the direct conversation stored for the person.
   */
  directConversation?(workspaceId: string, userId: string): Promise<string>;
  /**
   * Looks among the conversation's recent messages for one carrying the key. Absent where the
   * platform offers no such lookup (Teams): an interrupted send there is reported as uncertain,
   * never repeated blindly.
   */
  findSent?(target: NotifyTarget, idempotencyKey: string): Promise<SentMessage | null>;
}
