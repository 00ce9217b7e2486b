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
  type MessageEventBody,
  MessageEventBodySchema,
  SlashCommandSchema,
  type ViewSubmissionPayload,
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
import { withSlackPeople } from './people-lookup.js';
import { type ViewResponse, viewResponseFor } from './view-response.js';
import { decodeButtonValue, decodeViewMetadata } from './view-metadata.js';
import { BUSY_MESSAGE, type TurnQueue } from '../../src/turn-queue.js';
import { turnsBusyTotal } from '../../src/metrics/metrics.js';
import type { BusyNotices } from './busy-notice.js';
import type { SlackTurnFailure } from './error-boundary.js';
import { interactionWorkspace, workspaceIdOf } from './to-turn.js';

/** How long a modal submission may wait for the core before the modal is closed regardless. */
const VIEW_ACK_BUDGET_MS = 2500;
const delay = (ms: number) => sleep(ms, null, { ref: false });

export interface TurnListenerDeps {
  conversation: ConversationDeps;
  logger: Logger;
  claim: EventClaim;
  userNames: UserNames;
  /** Where acknowledged turns wait for their turn; full means "busy". */
  turns: TurnQueue;
  tellBusy: BusyNotices;
  /** The error boundary, for turns that fail on the queue after their listener returned. */
  failed: SlackTurnFailure;
}

/**
 * The listeners that carry a person's words or clicks to the core: DMs, @-mentions, `/pace`,
 * buttons and modal submissions. Bolt acks events itself before listeners run; commands and buttons
 * ack as soon as the turn is on the queue. Before the ack a listener only reads the payload and
 * asks the queue for a place: everything that costs (the claim in MongoDB, the name look-up, the
 * log line, the turn) runs on the queue afterwards — claim the delivery once → payload to Turn →
 * `handleTurn` → replies to Slack. When the queue is full the person is told at once to try again
 * in a minute: a command in its ack, anything else through the usual reply path.
 */
export function registerTurnListeners(app: App, deps: TurnListenerDeps): void {
  const { conversation, logger, claim, userNames, turns, tellBusy, failed } = deps;

  /** Puts a turn's work on the queue; false when it is full. A failure goes to the error boundary. */
  function enqueue(workspaceId: string, body: unknown, token: string | undefined, work: () => Promise<void>): boolean {
    const done = turns.offer(workspaceId, work, { person: slackPersonOf(body) });
    if (!done) return false;
    done.catch((error: unknown) =>
      failed({ error: error as Error, context: { botToken: token }, body }).catch(() => undefined),
    );
    return true;
  }

  async function run(client: webApi.WebClient, turn: Turn, target: ReplyTarget): Promise<void> {
    const kind = turn.action ? 'action' : 'text';
    logger.info({ workspaceId: turn.workspaceId, eventId: turn.eventId, kind }, 'slack turn');
    await sendReplies(client, await handleTurn(await withSlackPeople(client, turn), conversation), target);
  }

  /** A DM or @-mention: parsed here, worked on the queue; a full queue gets a busy notice. */
  function onMessage(
    body: unknown,
    client: webApi.WebClient,
    botUserId: string | undefined,
    token: string | undefined,
    retryNum?: number,
  ): void {
    const parsed = MessageEventBodySchema.safeParse(body);
    if (!parsed.success) return; // edits, joins, bot posts: nothing a person said to us
    const event = parsed.data;
    const workspaceId = workspaceIdOf(event.team_id, event.enterprise_id);
    const taken = enqueue(workspaceId, body, token, async () => {
      if (!(await claim(event.event_id))) {
        logger.info({ eventId: event.event_id, retryNum }, 'slack retry already handled');
        return;
      }
      const name = await userNames(client, event.event.user);
      const user = { id: event.event.user, name };
      const files = event.event.files ? attachedFiles(client, event.event.files) : undefined;
      const turn = messageToTurn(event, user, botUserId, conversation.clock(), files);
      await run(client, turn, targetForMessage(event, turn.text ?? ''));
    });
    if (!taken) tellBusy(client, targetForMessage(event, ''), workspaceId);
  }

  /**
   * A reply in a channel thread that does not mention the bot (those come as app_mention) is kept,
   * silently, when the thread is a coach's prompt; anything else in a channel is not for us. A
   * reply holding an identifier is not kept, and only its writer is told, in the thread, which kind
   * it looked like: silence would let them think it was kept, and a post everyone sees would point
   * the channel at it.
   */
  function onThreadReply(body: unknown, client: webApi.WebClient, botUserId: string | undefined, token: string | undefined): void {
    const parsed = MessageEventBodySchema.safeParse(body);
    if (!parsed.success || !parsed.data.event.thread_ts) return;
    const event = parsed.data;
    const fromBot = Boolean((body as { event?: { bot_id?: string } }).event?.bot_id) || event.event.user === botUserId;
    if (fromBot || (botUserId && event.event.text.includes(`<@${botUserId}`))) return;
    const turn = messageToTurn(event, { id: event.event.user, name: '' }, botUserId, conversation.clock());
    const taken = enqueue(turn.workspaceId, body, token, () => keepPromptReply(client, event, turn));
    // Most thread replies are not for us; only a coach's prompt thread hears that its reply waited.
    if (!taken) void tellBusyInPromptThread(client, event, turn).catch(() => undefined);
  }

  async function tellBusyInPromptThread(client: webApi.WebClient, event: MessageEventBody, turn: Turn): Promise<void> {
    if (!(await promptThread(conversation.db, turn))) return;
    turnsBusyTotal.inc({ platform: 'slack' });
    await client.chat.postEphemeral({
      channel: event.event.channel,
      user: event.event.user,
      thread_ts: event.event.thread_ts,
      text: `I didn't keep your reply. ${BUSY_MESSAGE}`,
    });
  }

  async function keepPromptReply(client: webApi.WebClient, event: MessageEventBody, turn: Turn): Promise<void> {
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
    if (message.channel_type !== 'im') return onThreadReply(body, client, context.botUserId, context.botToken);
    onMessage(body, client, context.botUserId, context.botToken, context.retryNum);
  });

  app.event('app_mention', async ({ body, client, context }) => {
    onMessage(body, client, context.botUserId, context.botToken, context.retryNum);
  });

  app.command('/pace', async ({ command, ack, client, context, body }) => {
    const parsed = SlashCommandSchema.safeParse(command);
    if (!parsed.success) {
      await ack();
      throw parsed.error; // to the error boundary, which says what was wrong
    }
    const payload = parsed.data;
    const workspaceId = workspaceIdOf(payload.team_id, payload.enterprise_id);
    const taken = enqueue(workspaceId, body, context.botToken, async () => {
      if (!(await claim(`command:${payload.trigger_id}`))) return;
      const name = await userNames(client, payload.user_id, payload.user_name);
      const turn = commandToTurn(payload, { id: payload.user_id, name }, conversation.clock());
      await run(client, turn, targetForCommand(payload));
    });
    if (taken) return ack();
    // The ack itself carries the answer: shown only to the person, and no call to Slack to queue.
    turnsBusyTotal.inc({ platform: 'slack' });
    logger.info({ code: 'turn_busy', workspaceId }, 'slack turn refused: busy');
    await ack({ response_type: 'ephemeral', text: BUSY_MESSAGE });
  });

  app.action({ type: 'block_actions' }, async ({ body, ack, client, context }) => {
    await ack();
    const payload = BlockActionsSchema.parse(body);
    const element = payload.actions[0]!;
    if (element.value === undefined) return; // a select or picker changed: not a submission
    const workspaceId = interactionWorkspace(payload);
    const taken = enqueue(workspaceId, body, context.botToken, async () => {
      if (!(await claim(`action:${payload.trigger_id}`))) return;
      const action = decodeButtonValue(element.value!);
      const said =
        action.verb === OPEN_FORM_VERB ? { text: String(action.data?.text ?? '') } : { action };
      const handle = payload.user.name ?? payload.user.username;
      const name = await userNames(client, payload.user.id, handle);
      const turn = actionToTurn(payload, said, { id: payload.user.id, name }, conversation.clock());
      await run(client, turn, targetForAction(payload, 'text' in said ? said.text : undefined));
    });
    if (!taken) tellBusy(client, { ...targetForAction(payload), messageTs: undefined }, workspaceId);
  });

  /**
   * A modal submission, on the queue like any turn. Its ack decides whether the modal stays open
   * (errors, a follow-up form) and must come within 3 s: past the budget — the turn still waiting
   * for a place, or a slow core — the modal closes and the replies are posted when they are ready.
   */
  async function submitView(
    payload: ViewSubmissionPayload,
    client: webApi.WebClient,
    answer: (response?: ViewResponse) => Promise<void>,
    deadline: number,
  ): Promise<void> {
    if (!(await claim(`view:${payload.trigger_id}`))) return;
    const metadata = decodeViewMetadata(payload.view.private_metadata);
    const target = targetForView(metadata, payload.user.id);
    const handle = payload.user.name ?? payload.user.username;
    const user = { id: payload.user.id, name: await userNames(client, payload.user.id, handle) };
    const turn = viewSubmissionToTurn(payload, metadata, user, conversation.clock());
    logger.info({ workspaceId: turn.workspaceId, eventId: turn.eventId, kind: 'view' }, 'slack turn');
    const pending = withSlackPeople(client, turn).then((named) => handleTurn(named, conversation));
    const replies = await Promise.race([pending, delay(Math.max(0, deadline - Date.now()))]);
    const ready = replies ? viewResponseFor(replies, target) : undefined;
    await answer(ready?.response);
    await sendReplies(client, ready?.rest ?? (await pending), target);
  }

  app.view({ type: 'view_submission' }, async ({ body, ack, client, context }) => {
    const deadline = Date.now() + VIEW_ACK_BUDGET_MS;
    let acked = false;
    let answered = () => {};
    const whenAnswered = new Promise<void>((resolve) => (answered = resolve));
    const answer = async (response?: ViewResponse) => {
      if (acked) return;
      acked = true;
      answered();
      await ack(response);
    };
    try {
      const payload = ViewSubmissionSchema.parse(body);
      const workspaceId = interactionWorkspace(payload);
      // Urgent: this request's own ack waits for the turn, so it is not held back behind acks.
      const work = turns.offer(workspaceId, () => submitView(payload, client, answer, deadline), { urgent: true });
      if (!work) {
        turnsBusyTotal.inc({ platform: 'slack' });
        logger.info({ code: 'turn_busy', workspaceId }, 'slack turn refused: busy');
        // Kept open with the words beside the first input, so nothing typed is lost.
        const firstBlock = Object.keys(payload.view.state.values)[0];
        if (firstBlock) return await answer({ response_action: 'errors', errors: { [firstBlock]: BUSY_MESSAGE } });
        await answer();
        tellBusy(client, targetForView(decodeViewMetadata(payload.view.private_metadata), payload.user.id), workspaceId);
        return;
      }
      const settled = work.catch((error: unknown) =>
        failed({ error: error as Error, context: { botToken: context.botToken }, body }).catch(() => undefined),
      );
      await Promise.race([whenAnswered, settled, delay(Math.max(0, deadline - Date.now()))]);
    } finally {
      // Past the budget, on a duplicate or an error, close the modal; the error boundary says what
      // went wrong.
      await answer();
    }
  });
}

/**
 * Who sent a Slack request (a command's user_id, an event's user, an interaction's user.id), for
 * the turn queue's per-person limit; undefined when the body names nobody.
 */
function slackPersonOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { user_id?: unknown; user?: { id?: unknown }; event?: { user?: unknown } };
  const id = b.user_id ?? b.event?.user ?? b.user?.id;
  return typeof id === 'string' ? id : undefined;
}
