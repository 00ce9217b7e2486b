import { createHmac, randomUUID } from 'node:crypto';

/**
 * Slack request bodies as Slack sends them (docs.slack.dev: Events API envelopes as JSON; slash
 * commands as form fields; interactions as one form field `payload` holding JSON), with overrides.
 */

export const TEAM = 'T-ALPHA';
export const SECRET = 'test-signing-secret-0123456789';

export interface SlackRequest {
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
}

const id = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;

/** An Events API `event_callback`; `event` fields override a DM from U-ADA saying "help". */
export function slackEvent(
  options: { event?: Record<string, unknown>; teamId?: string; enterpriseId?: string; eventId?: string } = {},
): SlackRequest {
  const teamId = options.teamId ?? TEAM;
  const envelope = {
    token: 'legacy-verification-token',
    team_id: teamId,
    ...(options.enterpriseId ? { enterprise_id: options.enterpriseId } : {}),
    api_app_id: 'A-PACE',
    event: {
      type: 'message',
      channel_type: 'im',
      channel: 'D-ADA',
      user: 'U-ADA',
      text: 'help',
      ts: '1700000100.000100',
      event_ts: '1700000100.000100',
      ...options.event,
    },
    type: 'event_callback',
    event_id: options.eventId ?? id('Ev'),
    event_time: 1700000100,
    authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  };
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
}

export function urlVerification(challenge: string): SlackRequest {
  return { body: JSON.stringify({ token: 'legacy', challenge, type: 'url_verification' }), contentType: 'application/json' };
}

/** `/pace <text>` as form fields. */
export function slashCommand(fields: Record<string, string> = {}): SlackRequest {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: TEAM,
    team_domain: 'alpha',
    channel_id: 'C-GENERAL',
    channel_name: 'general',
    user_id: 'U-ADA',
    user_name: 'ada',
    command: '/pace',
    text: 'help',
    api_app_id: 'A-PACE',
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.com/commands/T/1/abc',
    trigger_id: id('trig.'),
    ...fields,
  });
  return { body: body.toString(), contentType: 'application/x-www-form-urlencoded' };
}

function interaction(payload: Record<string, unknown>): SlackRequest {
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** A button click on a bot message; `value` is the card action JSON. */
export function blockActions(
  options: { value: string; actionId?: string; teamId?: string; userId?: string; channelId?: string; messageTs?: string; threadTs?: string; responseUrl?: string; triggerId?: string; container?: Record<string, unknown> },
): SlackRequest {
  const channelId = options.channelId ?? 'D-ADA';
  const messageTs = options.messageTs ?? '1700000200.000200';
  return interaction({
    type: 'block_actions',
    team: { id: options.teamId ?? TEAM, domain: 'alpha' },
    user: { id: options.userId ?? 'U-ADA', username: 'ada', name: 'ada', team_id: options.teamId ?? TEAM },
    api_app_id: 'A-PACE',
    token: 'legacy',
    container: options.container ?? { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    trigger_id: options.triggerId ?? id('trig.'),
    channel: { id: channelId, name: 'directmessage' },
    message: { type: 'message', ts: messageTs, ...(options.threadTs ? { thread_ts: options.threadTs } : {}), text: 'card' },
    response_url: options.responseUrl ?? 'https://hooks.slack.com/actions/T/1/abc',
    actions: [{ type: 'button', action_id: options.actionId ?? 'button', block_id: 'b1', value: options.value, action_ts: '1700000201.000001' }],
  });
}

/** A modal submitted: `values` is view.state.values (block id → action id → state). */
export function viewSubmission(options: {
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, Record<string, unknown>>>;
  teamId?: string;
  userId?: string;
  triggerId?: string;
}): SlackRequest {
  return interaction({
    type: 'view_submission',
    team: { id: options.teamId ?? TEAM, domain: 'alpha' },
    user: { id: options.userId ?? 'U-ADA', username: 'ada', name: 'ada', team_id: options.teamId ?? TEAM },
    api_app_id: 'A-PACE',
    token: 'legacy',
    trigger_id: options.triggerId ?? id('trig.'),
    view: {
      id: 'V-MODAL',
      type: 'modal',
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata,
      state: { values: options.values },
      hash: 'h1',
    },
  });
}

/** Slack's v0 signature over `v0:<ts>:<raw body>` (platforms.md §1.1). */
export function signSlackRequest(body: string, secret: string, timestamp: number): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${signature}`, 'x-slack-request-timestamp': String(timestamp) };
}

/** POSTs a request to the app exactly as Slack would: signed raw bytes, now unless told otherwise. */
export async function deliver(
  url: string,
  request: SlackRequest,
  options: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': request.contentType,
      ...signSlackRequest(request.body, options.secret ?? SECRET, timestamp),
      ...options.headers,
    },
    body: request.body,
  });
}
