import { createHash } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { Outbound } from '../../src/outbound/outbound.js';

/**
 * Methods that change nothing when sent twice, so a try that timed out may be repeated even for a
 * delivery job, which otherwise repeats a send itself only after looking for the first one.
 */
const SAFE_TO_REPEAT = new Set([
  'auth.test',
  'users.info',
  'conversations.open',
  'conversations.info',
  'conversations.history',
  'files.info',
  'files.getUploadURLExternal',
  'views.publish',
  'chat.update',
]);

/**
 * Look-ups the caller does without when they fail (a person's display name falls back to their
 * handle): one try, so a hung Slack holds the turn for one timeout, not for every retry.
 */
const ONE_TRY = new Set(['users.info']);

/** Who a Web API call is about, read from its form fields: the conversation, or the person. */
const SUBJECT_FIELDS = ['channel', 'channel_id', 'user', 'user_id', 'users'];

/**
 * WebClient options that hand every Slack call to the shared outbound gate (src/outbound): its
 * `fetch` adds the timeout, the retries and the per-workspace and per-conversation limits. The
 * client's own machinery is switched off, because it works per client: on a 429 it pauses the
 * client's whole queue — every person in the workspace — and it shares one queue of 100 between all
 * of them, so one person's hung calls held everyone's replies. A final 429 is thrown as
 * `slack_webapi_rate_limited_error` instead of being waited out a second time.
 */
export function slackClientOptions(
  outbound: Outbound,
  slackApiUrl: string,
  mode: { repeatable: boolean },
): webApi.WebClientOptions {
  const apiBase = slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/`;
  const fetch: webApi.WebClientOptions['fetch'] = (input, init = {}) => {
    const url = String(input);
    const api = url.startsWith(apiBase);
    const method = api ? url.slice(apiBase.length).split('?')[0]! : 'file upload';
    const token = new Headers(init.headers as HeadersInit | undefined).get('authorization');
    // The bot token stands for the workspace (each installation has its own); it is never a log field.
    const workspace = token ? slackWorkspaceKey(token) : `slack:${new URL(url).host}`;
    return outbound.fetch(url, init as RequestInit, {
      label: `slack ${method}`,
      slots: outbound.slots(workspace, subjectOf(init.body)),
      transfer: !api,
      repeatable: mode.repeatable || SAFE_TO_REPEAT.has(method) || !api,
      ...(ONE_TRY.has(method) && { attempts: 1 }),
    });
  };
  return {
    slackApiUrl,
    fetch,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    maxRequestConcurrency: Number.POSITIVE_INFINITY,
  };
}

/** The limiter key of the workspace a bot token (`xoxb-…` or `Bearer xoxb-…`) belongs to; not the token. */
export function slackWorkspaceKey(token: string): string {
  const bare = token.replace(/^Bearer\s+/i, '');
  return `slack:${createHash('sha256').update(bare).digest('base64url').slice(0, 16)}`;
}

function subjectOf(body: unknown): string | undefined {
  const fields =
    typeof body === 'string' ? new URLSearchParams(body) : body instanceof FormData ? body : undefined;
  if (!fields) return undefined;
  for (const name of SUBJECT_FIELDS) {
    const value = fields.get(name);
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}
