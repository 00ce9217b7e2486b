import type { CloudAdapter } from 'botbuilder';
import type { Db } from 'mongodb';
import type { Reply } from '../../src/conversation/turn.js';
import { NotFoundError } from '../../src/errors.js';
import type { Notifier, NotifyTarget, SentMessage } from '../../src/notify.js';
import { teamsConversationRefs } from './conversation-refs.js';
import { sendReplies } from './send-reply.js';

export interface TeamsNotifier extends Notifier {
  platform: 'teams';
  sendToConversation(
    workspaceId: string,
    conversationId: string,
    replies: Reply[],
  ): Promise<SentMessage[]>;
  send(target: NotifyTarget, replies: Reply[]): Promise<SentMessage[]>;
}

/**
 * Proactive sends into Teams conversations the bot has seen (stored by the /api/messages route).
 * `continueConversationAsync` replays the stored reference — CloudAdapter's old
 * `continueConversation` throws "deprecated" — and the bot must still be installed there. Teams keeps
 * no metadata on a message, so there is no `findSent`: an interrupted send is reported, not repeated.
 */
export function createTeamsNotifier(adapter: CloudAdapter, appId: string, db: Db): TeamsNotifier {
  const refs = teamsConversationRefs(db);
  const sendToConversation = async (
    workspaceId: string,
    conversationId: string,
    replies: Reply[],
  ): Promise<SentMessage[]> => {
    const stored = await refs.find(workspaceId, conversationId);
    if (!stored) {
      throw new NotFoundError(
        'The bot is not in that Teams conversation (any more). Add it there again.',
        'teams_conversation_unknown',
      );
    }
    // Caught inside: botbuilder would hand a logic error to onTurnError, which apologises into the
    // chat; a job needs the failure itself to record and retry the delivery.
    let failure: unknown;
    let ids: string[] = [];
    await adapter.continueConversationAsync(appId, stored.reference, async (ctx) => {
      ids = await sendReplies(ctx, replies).catch((error: unknown) => {
        failure = error;
        return [];
      });
    });
    if (failure) throw failure;
    return ids.map((messageId) => ({ messageId }));
  };
  return {
    platform: 'teams',
    sendToConversation,
    send: (target: NotifyTarget, replies: Reply[]) =>
      sendToConversation(target.workspaceId, target.conversationId, replies),
  };
}
