import { TurnContext } from 'botbuilder';
import type { Logger } from '../../src/log.js';
import { conversationOf } from './conversation-of.js';
import type { TeamsConversationRefs } from './conversation-refs.js';
import { tenantOf, userIdOf, type TeamsActivity } from './teams-activity.js';

/**
 * Stores (or refreshes) where this activity came from, so jobs can post there later. The reference
 * points at the chat or channel itself, not a reply chain, so a digest starts a new channel post.
 */
export async function rememberConversation(
  ctx: TurnContext,
  activity: TeamsActivity,
  refs: TeamsConversationRefs,
  logger: Logger,
): Promise<void> {
  const workspaceId = tenantOf(activity);
  const conversation = conversationOf(activity);
  const reference = TurnContext.getConversationReference(ctx.activity);
  reference.conversation = {
    ...reference.conversation!,
    id: conversation.id,
    tenantId: workspaceId,
  };
  const saved = await refs.save({
    workspaceId,
    platform: 'teams',
    conversationId: conversation.id,
    kind: conversation.kind === 'direct' ? 'direct' : 'channel',
    ...(conversation.kind === 'direct' && { userId: userIdOf(activity.from) }),
    ...(activity.channelData?.team && { teamId: activity.channelData.team.id }),
    reference,
    updatedAt: new Date(),
  });
  if (!saved)
    logger.warn(
      { code: 'teams_conversation_conflict', workspaceId },
      'conversation belongs to another tenant; reference not stored',
    );
}

/** Forgets a conversation (or a whole team) the bot was removed from; sends there would fail with 403. */
export async function forgetConversation(
  activity: TeamsActivity,
  refs: TeamsConversationRefs,
): Promise<void> {
  await refs.remove(tenantOf(activity), {
    conversationId: conversationOf(activity).id,
    ...(activity.channelData?.team && { teamId: activity.channelData.team.id }),
  });
}
