import type { TurnContext } from 'botbuilder';
import type { ConversationDeps } from '../../src/conversation/context.js';
import { handleTurn } from '../../src/conversation/handle-turn.js';
import type { EventClaim } from '../../src/store/processed-events.js';
import type { TeamsConversationRefs } from './conversation-refs.js';
import { invokeResponseActivity, splitInvokeReplies } from './invoke-response.js';
import { forgetConversation, rememberConversation } from './remember-conversation.js';
import { sendReplies } from './send-reply.js';
import { parseTeamsActivity, type TeamsActivity } from './teams-activity.js';
import { toTurn } from './to-turn.js';

export interface TeamsBotDeps {
  conversation: ConversationDeps;
  refs: TeamsConversationRefs;
  claim: EventClaim;
}

/** Attachment types that carry a user's file (personal-chat upload, channel file, pasted image). */
const FILE_TYPES = /^(application\/vnd\.microsoft\.teams\.file\.download\.info|reference|image\/)/;
const FILES_NOT_READ =
  "I can't read attached files or pictures. Please type the case reference and the dates instead, e.g. *C1042 accommodated 3 Oct*.";

/**
 * One Teams turn: messages and card actions go through the conversation core; installs, uninstalls
 * and membership changes keep the stored conversation references current. No business rules here.
 */
export function createTeamsBot(deps: TeamsBotDeps): (ctx: TurnContext) => Promise<void> {
  const { conversation, refs, claim } = deps;
  return async (ctx) => {
    const activity = parseTeamsActivity(ctx.activity);
    switch (activity.type) {
      case 'message':
        await rememberConversation(ctx, activity, refs, conversation.logger);
        if (activity.id && !(await claim(`${activity.conversation.id}:${activity.id}`))) return; // a re-delivery
        return onMessage(ctx, activity, conversation);
      case 'invoke':
        if (activity.name === 'adaptiveCard/action') return onCardAction(ctx, conversation);
        return; // other invokes are not ours: botbuilder answers 501
      case 'conversationUpdate':
        if (activity.membersRemoved?.some((m) => m.id === activity.recipient.id))
          return forgetConversation(activity, refs);
        return rememberConversation(ctx, activity, refs, conversation.logger);
      case 'installationUpdate':
        if (activity.action?.startsWith('remove')) return forgetConversation(activity, refs);
        return rememberConversation(ctx, activity, refs, conversation.logger);
      default:
        return;
    }
  };
}

async function onMessage(
  ctx: TurnContext,
  activity: TeamsActivity,
  deps: ConversationDeps,
): Promise<void> {
  const hasFiles = activity.attachments?.some((a) => FILE_TYPES.test(a.contentType ?? '')) ?? false;
  const turn = toTurn(ctx.activity, deps.clock());
  if (hasFiles) {
    await sendReplies(ctx, [{ kind: 'text', text: FILES_NOT_READ }]);
    if (!turn.action && !turn.text) return;
  }
  await sendReplies(ctx, await handleTurn(turn, deps));
}

async function onCardAction(ctx: TurnContext, deps: ConversationDeps): Promise<void> {
  const replies = await handleTurn(toTurn(ctx.activity, deps.clock()), deps);
  const { response, rest } = splitInvokeReplies(replies);
  await ctx.sendActivity(invokeResponseActivity(response));
  await sendReplies(ctx, rest);
}
