import { webApi } from '@slack/bolt';
import type { Db } from 'mongodb';
import { markdownToMrkdwn } from '../../cards/markdown-to-mrkdwn.js';
import type { CardImage } from '../../cards/model.js';
import { toBlockKitMessage } from '../../cards/to-block-kit.js';
import type { Config } from '../../src/config.js';
import type { Reply } from '../../src/conversation/turn.js';
import { NotFoundError } from '../../src/errors.js';
import type { Notifier, NotifyTarget, SendOptions, SentMessage } from '../../src/notify.js';
import { createInstallationStore } from './installation-store.js';
import { outboundFor } from '../../src/outbound/outbound.js';
import { slackClientOptions } from './slack-client-options.js';
import { slackFailure } from './slack-failure.js';
import { restorePlain } from '../../cards/plain-text.js';

/**
 * Marks our messages, so a send cut off by a crash can be found again
 * (docs.slack.dev/messaging/message-metadata).
 */
export const DELIVERY_EVENT_TYPE = 'pacebot_delivery';
/** How far back an interrupted send is looked for: three pages of conversations.history. */
const HISTORY_PAGES = 3;

/** An upload carries no metadata, so its file name carries the message key instead. */
export const uploadName = (key: string, extension = 'png') => `pacebot-${key}.${extension}`;

type Image = Pick<CardImage, 'png' | 'alt' | 'title'>;
type HistoryMessage = {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: unknown };
  files?: { name?: string }[];
};

function carries(message: HistoryMessage, key: string): boolean {
  const payload = message.metadata?.event_payload as { key?: string } | undefined;
  if (message.metadata?.event_type === DELIVERY_EVENT_TYPE && payload?.key === key) return true;
  const names = [uploadName(key), uploadName(key, 'pdf')];
  return (message.files ?? []).some((f) => names.includes(f.name ?? ''));
}

/**
 * Proactive Slack messages for jobs: chat.postMessage with the message key in `metadata`, charts
 * through filesUploadV2 (getUploadURLExternal → POST → completeUploadExternal, platforms.md
 * §1.4), DMs opened with conversations.open. The bot token is SLACK_BOT_TOKEN, or the workspace's
 * OAuth installation. Needs chat:write, files:write, im:write, and channels:history,
 * groups:history, im:history for the look-up after a crash.
 */
export function createSlackNotifier(config: Readonly<Config>, db: Db): Notifier {
  // The delivery job retries with backoff and records each attempt; a post repeated after a timeout
  // could land twice, unseen by the job, so only refusals (429, 503) and look-ups are tried again here.
  const clientOptions = slackClientOptions(outboundFor(config), config.SLACK_API_URL, {
    repeatable: false,
  });
  const installations = createInstallationStore(db);
  const clients = new Map<string, webApi.WebClient>();

  async function tokenFor(workspaceId: string): Promise<string> {
    if (config.SLACK_BOT_TOKEN) return config.SLACK_BOT_TOKEN;
    const [enterpriseId, teamId] = workspaceId.includes(':')
      ? workspaceId.split(':')
      : [undefined, workspaceId];
    const query = { teamId, enterpriseId };
    const orgWide = () =>
      enterpriseId
        ? installations.fetchInstallation({ ...query, isEnterpriseInstall: true })
        : null;
    const installation = await installations
      .fetchInstallation({ ...query, isEnterpriseInstall: false })
      .catch(orgWide)
      .catch(() => null);
    const token = installation?.bot?.token;
    if (!token) {
      const message = 'pacebot is not installed in that Slack workspace any more.';
      throw new NotFoundError(message, 'slack_not_installed');
    }
    return token;
  }

  async function clientFor(workspaceId: string): Promise<webApi.WebClient> {
    const token = await tokenFor(workspaceId);
    let client = clients.get(token);
    if (!client) clients.set(token, (client = new webApi.WebClient(token, clientOptions)));
    return client;
  }

  async function upload(
    client: webApi.WebClient,
    channel: string,
    image: Image,
    filename: string,
  ): Promise<SentMessage> {
    const title = restorePlain(image.title ?? image.alt.slice(0, 80));
    const file = { channel_id: channel, file: image.png, filename, title };
    await client.filesUploadV2({ ...file, alt_text: restorePlain(image.alt).slice(0, 1000) });
    return {};
  }

  async function sendOne(
    client: webApi.WebClient,
    channel: string,
    reply: Reply,
    key = 'message',
  ): Promise<SentMessage[]> {
    const metadata = { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } };
    if (reply.kind === 'image') return [await upload(client, channel, reply, uploadName(key))];
    if (reply.kind === 'text') {
      const text = markdownToMrkdwn(reply.text);
      return [{ messageId: (await client.chat.postMessage({ channel, text, metadata })).ts }];
    }
    // The digest's meeting pack: its title and note say what it is; its name carries the key.
    if (reply.kind === 'file') {
      const title = restorePlain(reply.title).slice(0, 200);
      const file = { channel_id: channel, file: reply.data, filename: uploadName(key, 'pdf'), title };
      await client.filesUploadV2({ ...file, initial_comment: restorePlain(reply.alt).slice(0, 1000) });
      return [{}];
    }
    const { text, blocks, images } = toBlockKitMessage(reply.card);
    const posted = await client.chat.postMessage({ channel, text, blocks, metadata });
    const sent: SentMessage[] = [{ messageId: posted.ts }];
    for (const [i, image] of images.entries()) {
      sent.push(await upload(client, channel, image, uploadName(`${key}-${i}`)));
    }
    return sent;
  }

  return {
    platform: 'slack',
    async send(target: NotifyTarget, replies: Reply[], options: SendOptions = {}) {
      try {
        const client = await clientFor(target.workspaceId);
        const sent: SentMessage[] = [];
        const key = options.idempotencyKey;
        const channel = target.conversationId;
        for (const reply of replies) sent.push(...(await sendOne(client, channel, reply, key)));
        return sent;
      } catch (error) {
        throw slackFailure(error);
      }
    },
    async directConversation(workspaceId: string, userId: string) {
      try {
        const opened = await (await clientFor(workspaceId)).conversations.open({ users: userId });
        const id = opened.channel?.id;
        if (!id) throw new NotFoundError('Slack opened no direct conversation.', 'slack_no_dm');
        return id;
      } catch (error) {
        throw slackFailure(error);
      }
    },
    async findSent(target: NotifyTarget, key: string) {
      const client = await clientFor(target.workspaceId);
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const query = { channel: target.conversationId, include_all_metadata: true, limit: 200 };
        const history = await client.conversations
          .history({ ...query, ...(cursor && { cursor }) })
          .catch((error: unknown) => {
            throw slackFailure(error);
          });
        const found = (history.messages ?? []).find((m) => carries(m, key));
        if (found) return { messageId: found.ts };
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!history.has_more || !cursor) break;
      }
      return null;
    },
  };
}
