import type { types, webApi } from '@slack/bolt';
import { UpstreamError } from '../../src/errors.js';
import { sharedOutbound } from '../../src/outbound/outbound.js';
import { slackWorkspaceKey } from './slack-client-options.js';
import type { ReplyTarget } from './reply-target.js';

export interface SlackMessage {
  text: string;
  blocks?: types.KnownBlock[];
}

/**
 * Sends one message to the target: `respond` through the response_url when set, otherwise
 * `chat.postMessage` in the conversation (and thread). With `replace`, the card the button was on
 * is updated in place instead (`chat.update`, or `replace_original` on a response_url).
 */
export async function postMessage(
  client: webApi.WebClient,
  target: ReplyTarget,
  message: SlackMessage,
  options: { replace?: boolean } = {},
): Promise<void> {
  if (options.replace && target.messageTs) {
    await client.chat.update({ channel: target.channel, ts: target.messageTs, ...message });
    return;
  }
  if (target.responseUrl) {
    await postToResponseUrl(target.responseUrl, client.token, target.channel, {
      ...message,
      ...(options.replace ? { replace_original: true } : { response_type: 'ephemeral' }),
    });
    return;
  }
  await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    ...message,
  });
}

/**
 * A response_url takes JSON (docs.slack.dev/interactivity/handling-user-interaction), posted through
 * the outbound gate under the same workspace and conversation as the client's own calls.
 */
async function postToResponseUrl(
  url: string,
  token: string | undefined,
  channel: string,
  body: Record<string, unknown>,
): Promise<void> {
  const outbound = sharedOutbound();
  const workspace = token ? slackWorkspaceKey(token) : `slack:${new URL(url).host}`;
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await outbound.fetch(url, init, {
    label: 'slack response_url',
    slots: outbound.slots(workspace, channel),
    repeatable: true,
  });
  await response.body?.cancel().catch(() => {});
  if (!response.ok) {
    const userMessage = 'Sorry — Slack did not take my answer. Please try again.';
    throw new UpstreamError('slack_response_url_failed', userMessage, { status: response.status });
  }
}
