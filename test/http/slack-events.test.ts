import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import { deliver, type SlackRequest, slackEvent, urlVerification } from '../fakes/slack-payloads.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';

const logLines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
const s = useSlackTestApp({ SLACK_BOT_TOKEN: 'xoxb-test' }, { logger });

/**
 * A positive signal that the app has handled everything sent before: a marker DM from someone
 * else, whose answer takes longer to produce (a user look-up, a turn) than anything ignored does.
 */
async function afterMarker(): Promise<void> {
  const marker = slackEvent({ event: { user: 'U-MARK', channel: 'D-MARK', text: 'help' } });
  expect((await deliver(s.app.url, marker)).status).toBe(200);
  await s.fake.waitFor('chat.postMessage');
  const posts = s.fake.callsTo('chat.postMessage');
  expect(posts.at(-1)!.body.channel).toBe('D-MARK');
}

/** Everything the app called, but for the marker's own answer and look-ups. */
const besidesMarker = () =>
  s.fake.calls.filter((c) => c.method !== 'auth.test' && c.body.channel !== 'D-MARK' && c.body.user !== 'U-MARK');

describe('POST /slack/events: the handshake', () => {
  it('echoes the url_verification challenge', async () => {
    const res = await deliver(s.app.url, urlVerification('challenge-123'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'challenge-123' });
  });

  it('answers ssl_check without a signature', async () => {
    const res = await fetch(`${s.app.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=x',
    });
    expect(res.status).toBe(200);
  });
});

describe('POST /slack/events: a direct message', () => {
  it('acks at once and answers "help" in the DM with chat.postMessage', async () => {
    const res = await deliver(s.app.url, slackEvent({ event: { text: 'help' } }));
    expect(res.status).toBe(200);
    const [post] = await s.fake.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('D-ADA');
    expect(post!.body.text).toContain('What you can do');
    expect(post!.authorization).toBe('Bearer xoxb-test');
    const member = await s.app.db.collection(COLLECTIONS.members).findOne({ workspaceId: 'T-ALPHA', userId: 'U-ADA' });
    expect(member).toMatchObject({ name: 'Ada Lovelace', roles: ['admin'] });
  });

  it('answers an @-mention in a thread inside that thread, without the mention in the text', async () => {
    const event = { type: 'app_mention', channel: 'C-GENERAL', channel_type: undefined, text: '<@UBOT> help', ts: '1700000300.000300', thread_ts: '1700000299.000001' };
    const res = await deliver(s.app.url, slackEvent({ event }));
    expect(res.status).toBe(200);
    const [post] = await s.fake.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C-GENERAL', thread_ts: '1700000299.000001' });
    expect(post!.body.text).toContain('What you can do');
  });

  it('handles a retried event once, across the claim in MongoDB', async () => {
    const event = slackEvent({ eventId: 'Ev-RETRIED-1', event: { text: 'help' } });
    expect((await deliver(s.app.url, event)).status).toBe(200);
    await s.fake.waitFor('chat.postMessage');
    const retry = await deliver(s.app.url, event, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    // The app says when it drops a retry: wait for that, not for a guess at how long it takes.
    await expect.poll(() => logLines.some((l) => l.includes('slack retry already handled')), { timeout: 5000, interval: 20 }).toBe(true);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await s.app.db.collection(COLLECTIONS.processedEvents).countDocuments({ _id: 'slack:Ev-RETRIED-1' as never })).toBe(1);
  });

  it('ignores its own messages and message edits', async () => {
    await deliver(s.app.url, slackEvent({ event: { subtype: 'message_changed', text: 'help' } }));
    await deliver(s.app.url, slackEvent({ event: { user: 'UBOT', bot_id: 'BBOT', text: 'help' } }));
    await afterMarker();
    expect(s.fake.callsTo('chat.postMessage').filter((c) => c.body.channel !== 'D-MARK')).toHaveLength(0);
  });
});

describe('POST /slack/events: refusals touch nothing', () => {
  const untouched = async () => {
    await afterMarker();
    expect(besidesMarker()).toEqual([]);
  };

  it('refuses a wrong signature with 401', async () => {
    const res = await deliver(s.app.url, slackEvent(), { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    await untouched();
  });

  it('refuses a timestamp 301 s old with 401', async () => {
    const res = await deliver(s.app.url, slackEvent(), { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(res.status).toBe(401);
    await untouched();
  });

  it('refuses a timestamp 301 s in the future with 401', async () => {
    const res = await deliver(s.app.url, slackEvent(), { timestamp: Math.floor(Date.now() / 1000) + 301 });
    expect(res.status).toBe(401);
    await untouched();
  });

  it('refuses a request without signature headers with 401', async () => {
    const res = await fetch(`${s.app.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: slackEvent().body });
    expect(res.status).toBe(401);
    await untouched();
  });

  it('answers 400 to a signed body that is not JSON', async () => {
    const res = await deliver(s.app.url, { body: '{"type": "event_callback", ', contentType: 'application/json' });
    expect(res.status).toBe(400);
    await untouched();
  });

  it('answers 413 to a body over the limit', async () => {
    const big = slackEvent({ event: { text: 'x'.repeat(1_100_000) } });
    const res = await deliver(s.app.url, big);
    expect(res.status).toBe(413);
    await untouched();
  });
});

describe('POST /slack/events: signed bodies of an odd shape never get a 500 (Slack would retry it)', () => {
  const json = (value: unknown): SlackRequest => ({ body: JSON.stringify(value), contentType: 'application/json' });
  const form = (fields: Record<string, string>): SlackRequest => ({
    body: new URLSearchParams(fields).toString(),
    contentType: 'application/x-www-form-urlencoded' as const,
  });
  const interactive = (payload: unknown) => form({ payload: JSON.stringify(payload) });

  const ignored: [string, SlackRequest][] = [
    ['an envelope of a type Slack may add one day', json({ type: 'app_rate_limited_v2', team_id: 'T-ALPHA', token: 'x' })],
    ['an interaction of an unknown type', interactive({ type: 'mystery_action', team: { id: 'T-ALPHA' }, user: { id: 'U-ADA' } })],
    ['an interaction no listener takes (a closed modal)', interactive({ type: 'view_closed', team: { id: 'T-ALPHA' }, user: { id: 'U-ADA' }, view: { id: 'V1', callback_id: 'x' } })],
    ['a global shortcut the app never declared', interactive({ type: 'shortcut', callback_id: 'nope', trigger_id: 't.1', team: { id: 'T-ALPHA' }, user: { id: 'U-ADA' } })],
    ['an event of a type we do not subscribe to', slackEvent({ event: { type: 'reaction_added', channel: undefined, item: { channel: 'C1' } } })],
  ];
  for (const [name, request] of ignored) {
    it(`acknowledges ${name} with 200 and does nothing`, async () => {
      const res = await deliver(s.app.url, request);
      expect(res.status).toBe(200);
      await afterMarker();
      expect(besidesMarker()).toEqual([]);
    });
  }

  const refused: [string, SlackRequest][] = [
    ['a JSON array', json([{ type: 'event_callback' }])],
    ['a JSON string', json('event_callback')],
    ['an envelope whose event is not an object', json({ type: 'event_callback', team_id: 'T-ALPHA', event: 'message', event_id: 'Ev1' })],
    ['an envelope whose event is null', json({ type: 'event_callback', team_id: 'T-ALPHA', event: null, event_id: 'Ev2' })],
    ['an interaction payload that is not JSON', form({ payload: '{"type": "block_actions", ' })],
    ['an interaction payload that is a number', form({ payload: '42' })],
  ];
  for (const [name, request] of refused) {
    it(`answers ${name} with 400 and does nothing`, async () => {
      const res = await deliver(s.app.url, request);
      expect(res.status).toBe(400);
      await afterMarker();
      expect(besidesMarker()).toEqual([]);
    });
  }

  it('keeps a malformed body out of the log lines', async () => {
    logLines.length = 0;
    const res = await deliver(s.app.url, { body: '{"type": "event_callback", "event": {"text": "C1042 moved SECRET-FRAGMENT', contentType: 'application/json' });
    expect(res.status).toBe(400);
    const arrayRes = await deliver(s.app.url, json(['SECRET-FRAGMENT']));
    expect(arrayRes.status).toBe(400);
    expect(logLines.length).toBeGreaterThanOrEqual(2);
    expect(logLines.join('\n')).not.toContain('SECRET-FRAGMENT');
    expect(logLines.join('\n')).not.toContain('C1042');
  });
});
