import type { TurnContext } from 'botbuilder';
import type { Db } from 'mongodb';
import type { ConversationDeps } from '../../src/conversation/context.js';
import { measuredHandleTurn as handleTurn } from '../../src/metrics/measured-turn.js';
import type { EventClaim } from '../../src/store/processed-events.js';
import type { TeamsConversationRefs } from './conversation-refs.js';
import { invokeMessage, invokeResponseActivity, splitInvokeReplies } from './invoke-response.js';
import { forgetConversation, rememberConversation } from './remember-conversation.js';
import { type FileConsentValue, sendFileInfo, uploadAccepted } from './file-consent.js';
import { sendReplies } from './send-reply.js';
import { parseTeamsActivity, type TeamsActivity, tenantOf } from './teams-activity.js';
import { attachedFiles } from './attached-files.js';
import { toTurn } from './to-turn.js';
import { turnsBusyTotal } from '../../src/metrics/metrics.js';
import { BUSY_MESSAGE, type TurnQueue } from '../../src/turn-queue.js';
import { withTeamsPeople } from './people-lookup.js';
import { caseRefExampleOf } from '../../src/programme/cases/case-ref-example.js';
import { workspaceStore } from '../../src/store/workspace-store.js';

export interface TeamsBotDeps {
  conversation: ConversationDeps;
  refs: TeamsConversationRefs;
  claim: EventClaim;
  /** Where turns wait for a place; full means the person is told "busy" at once. */
  turns: TurnQueue;
}

/** Attachment types that carry a user's file (personal-chat upload, channel file, pasted image). */
const FILE_TYPES = /^(application\/vnd\.microsoft\.teams\.file\.download\.info|reference|image\/)/;

/** Said when a picture or channel file came instead of words; the example is the area's own reference. */
async function filesNotRead(db: Db, workspaceId: string): Promise<string> {
  const programme = await workspaceStore(db, workspaceId).programmes.findOne({}, { projection: { caseRefPattern: 1, caseRefExample: 1 } });
  return (
    "I can't read pictures or files shared in a channel. Type the case reference and the dates instead, " +
    `e.g. *${caseRefExampleOf(programme)} accommodated 3 Oct*; an admin can send a tracker (.xlsx or .csv) to me in our personal chat.`
  );
}

/**
 * One Teams turn: messages and card actions go through the conversation core; installs, uninstalls
 * and membership changes keep the stored conversation references current. No business rules here.
 */
export function createTeamsBot(deps: TeamsBotDeps): (ctx: TurnContext) => Promise<void> {
  const { conversation, refs, claim, turns } = deps;
  /**
   * Runs a turn on the queue (the Bot Connector waits for the HTTP answer, so the request waits
   * with it); when the queue is full the person is told at once, in the reply or the invoke answer.
   */
  const queued = async (ctx: TurnContext, activity: TeamsActivity, work: () => Promise<void>) => {
    const done = turns.offer(tenantOf(activity), work, { person: activity.from?.id });
    if (done) return done;
    turnsBusyTotal.inc({ platform: 'teams' });
    conversation.logger.info({ code: 'turn_busy', workspaceId: tenantOf(activity) }, 'teams turn refused: busy');
    if (activity.type === 'invoke') await ctx.sendActivity(invokeMessage(BUSY_MESSAGE));
    else await sendReplies(ctx, [{ kind: 'text', text: BUSY_MESSAGE }]);
  };
  return async (ctx) => {
    const activity = parseTeamsActivity(ctx.activity);
    switch (activity.type) {
      case 'message':
        return queued(ctx, activity, async () => {
          await rememberConversation(ctx, activity, refs, conversation.logger);
          if (activity.id && !(await claim(`${activity.conversation.id}:${activity.id}`))) return; // a re-delivery
          await onMessage(ctx, activity, conversation, refs);
        });
      case 'invoke':
        if (activity.name === 'adaptiveCard/action') return queued(ctx, activity, () => onCardAction(ctx, conversation, refs));
        if (activity.name === 'fileConsent/invoke') return queued(ctx, activity, () => onFileConsent(ctx, conversation));
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
  refs: TeamsConversationRefs,
): Promise<void> {
  const files = attachedFiles(activity.attachments);
  const turn = toTurn(ctx.activity, deps.clock(), files);
  // Pictures and channel files cannot be read; a file uploaded in the personal chat (a tracker) can.
  const hasFiles = activity.attachments?.some((a) => FILE_TYPES.test(a.contentType ?? '')) ?? false;
  if (hasFiles && files.length === 0) {
    await sendReplies(ctx, [{ kind: 'text', text: await filesNotRead(deps.db, turn.workspaceId) }]);
    if (!turn.action && !turn.text) return;
  }
  await sendReplies(ctx, await handleTurn(await withTeamsPeople(ctx, turn, { db: deps.db, refs }), deps));
}

async function onCardAction(ctx: TurnContext, deps: ConversationDeps, refs: TeamsConversationRefs): Promise<void> {
  const replies = await handleTurn(await withTeamsPeople(ctx, toTurn(ctx.activity, deps.clock()), { db: deps.db, refs }), deps);
  const { response, rest } = splitInvokeReplies(replies);
  await ctx.sendActivity(invokeResponseActivity(response));
  await sendReplies(ctx, rest);
}

/**
 * The user answered a file consent card. Accept: the file is made again through the core (the
 * card held only the action that asks for it), put at Teams' upload URL, and shown as a file card.
 */
async function onFileConsent(ctx: TurnContext, deps: ConversationDeps): Promise<void> {
  const value = (ctx.activity.value ?? {}) as FileConsentValue;
  await ctx.sendActivity(invokeResponseActivity({ status: 200 }));
  const again = value.context?.again;
  if (value.action !== 'accept' || !again) {
    await sendReplies(ctx, [{ kind: 'text', text: 'Not sent: nothing was shared.' }]);
    return;
  }
  const turn = toTurn({ ...ctx.activity, type: 'message', value: { ...again.data, verb: again.verb } }, deps.clock());
  const replies = await handleTurn(turn, deps);
  const file = replies.find((r) => r.kind === 'file');
  if (!file) {
    await sendReplies(ctx, replies);
    return;
  }
  await uploadAccepted(value, file);
  await sendFileInfo(ctx, value);
}
