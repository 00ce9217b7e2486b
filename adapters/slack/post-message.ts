import type { types, webApi } from '@slack/bolt';
import { UpstreamError } from '../../src/errors.js';
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
    await postToResponseUrl(target.responseUrl, {
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

/** A response_url takes JSON (docs.slack.dev/interactivity/handling-user-interaction). */
async function postToResponseUrl(url: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    const userMessage = 'Sorry — Slack did not take my answer. Please try again.';
    throw new UpstreamError('slack_response_url_failed', userMessage, { status: response.status });
  }
}
