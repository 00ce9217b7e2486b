import { setTimeout as sleep } from 'node:timers/promises';
import type { App, webApi } from '@slack/bolt';
import type { ConversationDeps } from '../../src/conversation/context.js';
import { capturePromptReply, promptThread } from '../../src/programme/prompts/capture-reply.js';
import { IdentifierError } from '../../src/domain/identifiers/index.js';
import { measuredHandleTurn as handleTurn } from '../../src/metrics/measured-turn.js';
import type { Turn } from '../../src/conversation/turn.js';
import type { Logger } from '../../src/log.js';
import {
  BlockActionsSchema,
  MessageEventBodySchema,
  SlashCommandSchema,
  ViewSubmissionSchema,
} from './payload-schemas.js';
import type { EventClaim } from '../../src/store/processed-events.js';
import {
  type ReplyTarget,
  targetForAction,
  targetForCommand,
  targetForMessage,
  targetForView,
} from './reply-target.js';
import { OPEN_FORM_VERB, sendReplies } from './send-reply.js';
import { attachedFiles } from './attached-files.js';
import { actionToTurn, commandToTurn, messageToTurn, viewSubmissionToTurn } from './to-turn.js';
import type { UserNames } from './user-names.js';
import { viewResponseFor } from './view-response.js';
import { decodeButtonValue, decodeViewMetadata } from './view-metadata.js';

/** How long a modal submission may wait for the core before the modal is closed regardless. */
const VIEW_ACK_BUDGET_MS = 2500;
const delay = (ms: number) => sleep(ms, null, { ref: false });

export interface TurnListenerDeps {
  conversation: ConversationDeps;
  logger: Logger;
  claim: EventClaim;
  userNames: UserNames;
}

/**
 * The listeners that carry a person's words or clicks to the core: DMs, @-mentions, `/pace`,
 * buttons and modal submissions. Each one: claim the delivery once → payload to Turn →
 * `handleTurn` → replies to Slack. Bolt acks events itself before listeners run; commands and
 * buttons ack first thing, so slow work always happens after the 3-second answer.
 */
export function registerTurnListeners(app: App, deps: TurnListenerDeps): void {
  const { conversation, logger, claim, userNames } = deps;

  async function run(client: webApi.WebClient, turn: Turn, target: ReplyTarget): Promise<void> {
    const kind = turn.action ? 'action' : 'text';
    logger.info({ workspaceId: turn.workspaceId, eventId: turn.eventId, kind }, 'slack turn');
    await sendReplies(client, await handleTurn(turn, conversation), target);
  }

  async function onMessage(
    body: unknown,
    client: webApi.WebClient,
    botUserId: string | undefined,
    retryNum?: number,
  ): Promise<void> {
    const parsed = MessageEventBodySchema.safeParse(body);
    if (!parsed.success) return; // edits, joins, bot posts: nothing a person said to us
    const event = parsed.data;
    if (!(await claim(event.event_id))) {
      logger.info({ eventId: event.event_id, retryNum }, 'slack retry already handled');
      return;
    }
    const name = await userNames(client, event.event.user);
    const user = { id: event.event.user, name };
    const files = event.event.files ? attachedFiles(client, event.event.files) : undefined;
    const turn = messageToTurn(event, user, botUserId, conversation.clock(), files);
    await run(client, turn, targetForMessage(event, turn.text ?? ''));
  }

  /**
   * A reply in a channel thread that does not mention the bot (those come as app_mention) is kept,
   * silently, when the thread is a coach's prompt; anything else in a channel is not for us. A
   * reply holding an identifier is not kept, and only its writer is told, in the thread, which kind
   * it looked like: silence would let them think it was kept, and a post everyone sees would point
   * the channel at it.
   */
  async function onThreadReply(body: unknown, client: webApi.WebClient, botUserId: string | undefined): Promise<void> {
    const parsed = MessageEventBodySchema.safeParse(body);
    if (!parsed.success || !parsed.data.event.thread_ts) return;
    const event = parsed.data;
    const fromBot = Boolean((body as { event?: { bot_id?: string } }).event?.bot_id) || event.event.user === botUserId;
    if (fromBot || (botUserId && event.event.text.includes(`<@${botUserId}`))) return;
    const turn = messageToTurn(event, { id: event.event.user, name: '' }, botUserId, conversation.clock());
    if (!(await promptThread(conversation.db, turn))) return;
    const user = { id: event.event.user, name: await userNames(client, event.event.user) };
    try {
      if (await capturePromptReply(conversation.db, { ...turn, user }, turn.text ?? '')) {
        logger.info({ workspaceId: turn.workspaceId, eventId: turn.eventId }, 'prompt reply kept');
      }
    } catch (error) {
      if (!(error instanceof IdentifierError)) throw error;
      logger.info({ code: error.code, kind: error.kind, workspaceId: turn.workspaceId }, 'prompt reply refused');
      await client.chat.postEphemeral({
        channel: event.event.channel,
        user: event.event.user,
        thread_ts: event.event.thread_ts,
        text: `I didn't keep your reply. ${error.userMessage} You may want to edit or delete your message.`,
      });
    }
  }

  app.message(async ({ message, body, client, context }) => {
    // A file dropped into the DM (a tracker to import) is a message too; other subtypes are not.
    if (message.subtype !== undefined && !(message.subtype === 'file_share' && message.channel_type === 'im')) return;
    // Channel messages for the bot reach us as app_mention; here only DMs and prompt-thread replies.
    if (message.channel_type !== 'im') return onThreadReply(body, client, context.botUserId);
    await onMessage(body, client, context.botUserId, context.retryNum);
  });

  app.event('app_mention', async ({ body, client, context }) => {
    await onMessage(body, client, context.botUserId, context.retryNum);
  });

  app.command('/pace', async ({ command, ack, client }) => {
    await ack();
    const parsed = SlashCommandSchema.parse(command);
    if (!(await claim(`command:${parsed.trigger_id}`))) return;
    const name = await userNames(client, parsed.user_id, parsed.user_name);
    const turn = commandToTurn(parsed, { id: parsed.user_id, name }, conversation.clock());
    await run(client, turn, targetForCommand(parsed));
  });

  app.action({ type: 'block_actions' }, async ({ body, ack, client }) => {
    await ack();
    const payload = BlockActionsSchema.parse(body);
    const element = payload.actions[0]!;
    if (element.value === undefined) return; // a select or picker changed: not a submission
    if (!(await claim(`action:${payload.trigger_id}`))) return;
    const action = decodeButtonValue(element.value);
    const said =
      action.verb === OPEN_FORM_VERB ? { text: String(action.data?.text ?? '') } : { action };
    const handle = payload.user.name ?? payload.user.username;
    const name = await userNames(client, payload.user.id, handle);
    const turn = actionToTurn(payload, said, { id: payload.user.id, name }, conversation.clock());
    await run(client, turn, targetForAction(payload, 'text' in said ? said.text : undefined));
  });

  app.view({ type: 'view_submission' }, async ({ body, ack, client }) => {
    let acked = false;
    try {
      const payload = ViewSubmissionSchema.parse(body);
      if (!(await claim(`view:${payload.trigger_id}`))) return;
      const metadata = decodeViewMetadata(payload.view.private_metadata);
      const target = targetForView(metadata, payload.user.id);
      const handle = payload.user.name ?? payload.user.username;
      const user = { id: payload.user.id, name: await userNames(client, payload.user.id, handle) };
      const turn = viewSubmissionToTurn(payload, metadata, user, conversation.clock());
      logger.info({ workspaceId: turn.workspaceId, eventId: turn.eventId, kind: 'view' }, 'slack turn');
      // The answer to a submission decides whether the modal stays open, and must come within 3 s:
      // past the budget, close the modal and post whatever the core says when it says it.
      const pending = handleTurn(turn, conversation);
      const replies = await Promise.race([pending, delay(VIEW_ACK_BUDGET_MS)]);
      const answer = replies ? viewResponseFor(replies, target) : undefined;
      acked = true;
      await ack(answer?.response);
      await sendReplies(client, answer?.rest ?? (await pending), target);
    } finally {
      // On a duplicate or an error, still close the modal; the error boundary says what went wrong.
      if (!acked) await ack();
    }
  });
}
