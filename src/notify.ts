import type { Reply } from './conversation/turn.js';

/** Where a proactive message goes: a stored conversation of one workspace. */
export interface NotifyTarget {
  workspaceId: string;
  /** The platform's conversation id (Slack channel or DM id; Teams chat or channel id). */
  conversationId: string;
}

/**
 * Sends Replies outside a chat turn — digests, coach prompts, reminders. Jobs depend on this
 * interface only; each chat adapter implements it (adapters/teams/proactive.ts, adapters/slack, web).
 * `send` rejects with a NotFoundError when the conversation is unknown (never stored, or the bot was
 * removed) and an UpstreamError when the platform refuses, so the job can record the failure.
 */
export interface Notifier {
  platform: 'slack' | 'teams' | 'web';
  send(target: NotifyTarget, replies: Reply[]): Promise<void>;
}
