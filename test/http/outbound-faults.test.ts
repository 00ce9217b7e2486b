import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAccepted } from '../../adapters/teams/file-consent.js';
import { createTeamsAdapter } from '../../adapters/teams/create-teams-adapter.js';
import { createTeamsNotifier } from '../../adapters/teams/proactive.js';
import { FakeBotConnector } from '../fakes/fake-bot-connector.js';
import type { SlackCall } from '../fakes/fake-slack-api.js';
import { deliver, slackEvent } from '../fakes/slack-payloads.js';
import { postActivity, TENANT_A, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';

/**
 * Faults on the outbound side (issue 15): platforms that hang, rate-limit or shed load, over real
 * HTTP against the loopback fakes. Every call is cut off after 250 ms and tried twice, so the
 * seconds these tests take are the Retry-After waits they check.
 */
const TIMEOUT_MS = 250;
const OUTBOUND_ENV = {
  OUTBOUND_TIMEOUT_MS: String(TIMEOUT_MS),
  OUTBOUND_TRANSFER_TIMEOUT_MS: String(TIMEOUT_MS),
  OUTBOUND_ATTEMPTS: '2',
  OUTBOUND_BACKOFF_MS: '20',
  OUTBOUND_MAX_RETRY_AFTER_MS: '3000',
};
const OAUTH_ENV = {
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'a-long-random-state-secret',
  PUBLIC_URL: 'https://pacebot.example.org',
};

const logLines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
const s = useSlackTestApp({ ...OAUTH_ENV, ...OUTBOUND_ENV, TEAMS_ALLOW_ANONYMOUS: 'true' }, { logger });
let connector: FakeBotConnector;

/** Installs the app in a workspace through the real OAuth routes: its token is `xoxb-installed-<code>`. */
async function install(code: string): Promise<void> {
  const start = await fetch(`${s.app.url}/slack/install`, { redirect: 'manual' });
  const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const done = await fetch(`${s.app.url}/slack/oauth_redirect?code=${code}&state=${state}`, { headers: { cookie } });
  expect(done.status).toBe(200);
}

beforeAll(async () => {
  connector = await FakeBotConnector.start();
  await install('ALPHA');
  await install('BETA');
  // A workspace's first turns are slow (its first member, cold code); what is timed here is the outbound side.
  await Promise.all([dm('T-ALPHA', 'U-ADA', 'D-ADA'), dm('T-BETA', 'U-BEA', 'D-BEA')]);
  await s.fake.waitFor('chat.postMessage', 2, 15_000);
  s.fake.clear();
});
afterAll(() => connector?.close());

/** A DM saying "help" from `user` in `channel` of workspace `team`. */
const dm = (team: string, user: string, channel: string) =>
  deliver(s.app.url, slackEvent({ teamId: team, event: { user, channel, text: 'help' } }));
const postsTo = (channel: string): SlackCall[] =>
  s.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
const logged = (fields: Record<string, unknown>) =>
  logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => Object.entries(fields).every(([k, v]) => entry[k] === v));

/** Waits until the app has made no call for a moment, so a backlog does not spill into the next test. */
async function settle(): Promise<void> {
  for (let seen = -1, rounds = 0; seen !== s.fake.calls.length + connector.calls.length && rounds < 50; rounds += 1) {
    seen = s.fake.calls.length + connector.calls.length;
    await sleep(300);
  }
}

describe('Slack: a hung or rate-limited Slack delays only its own workspace or person', () => {
  it("a person whose calls hang, in every running turn of the workspace, leaves a colleague's answer within 5 s", async () => {
    s.fake.hang((c) => c.body.channel === 'D-HANG' || c.body.user === 'U-HANG');
    // Six turns: every running place of the workspace's turn queue (TURNS_RUNNING_PER_WORKSPACE,
    // 4) goes to the hung person first, so the colleague waits until their hung calls are given up.
    const sent = await Promise.all(Array.from({ length: 6 }, () => dm('T-ALPHA', 'U-HANG', 'D-HANG')));
    expect(sent.every((res) => res.status === 200)).toBe(true);
    await expect.poll(() => s.fake.calls.filter((c) => c.body.user === 'U-HANG').length).toBeGreaterThanOrEqual(1);

    const asked = Date.now();
    expect((await dm('T-ALPHA', 'U-ADA', 'D-ADA')).status).toBe(200);
    await expect.poll(() => postsTo('D-ADA').length, { timeout: 5000, interval: 20 }).toBeGreaterThanOrEqual(1);
    expect(postsTo('D-ADA')[0]!.at - asked).toBeLessThan(5000);
    expect(String(postsTo('D-ADA')[0]!.body.text)).toContain('What you can do');
    // The hung person's calls ran at most their conversation's share at a time, never the pool's.
    expect(s.fake.maxHungAtOnce).toBeLessThanOrEqual(8);
    // Once a try timed out there, the person's later calls were not each left to time out again.
    expect(postsTo('D-HANG').length).toBeLessThan(6 * 2);
    s.fake.release();
    await settle();
  });

  it('a hung workspace fills only its own share; another workspace is answered within 5 s', async () => {
    s.fake.hang((c) => c.authorization === 'Bearer xoxb-installed-BETA');
    await Promise.all(Array.from({ length: 10 }, (_, i) => dm('T-BETA', `U-B${i}`, `D-B${i}`)));
    await expect.poll(() => s.fake.maxHungAtOnce, { timeout: 5000 }).toBeGreaterThanOrEqual(1);

    const asked = Date.now();
    expect((await dm('T-ALPHA', 'U-ADA', 'D-ADA')).status).toBe(200);
    await expect.poll(() => postsTo('D-ADA').length, { timeout: 5000, interval: 20 }).toBeGreaterThanOrEqual(1);
    expect(postsTo('D-ADA')[0]!.at - asked).toBeLessThan(5000);
    expect(s.fake.maxHungAtOnce).toBeLessThanOrEqual(16); // OUTBOUND_WORKSPACE_CONCURRENCY's default
    s.fake.release();
    await settle();
  });

  it('a call that times out is tried again, then given up with one structured warning; the app carries on', async () => {
    s.fake.hang((c) => c.method === 'chat.postMessage' && c.body.channel === 'D-SLOW');
    expect((await dm('T-ALPHA', 'U-SLOW', 'D-SLOW')).status).toBe(200);
    await expect.poll(() => postsTo('D-SLOW').length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    const [first, second] = postsTo('D-SLOW');
    // The second try went out only after the app had cut the first off.
    expect(first!.closedAt).toBeDefined();
    expect(second!.at).toBeGreaterThanOrEqual(first!.closedAt!);

    await expect
      .poll(() => logged({ code: 'outbound_timeout', call: 'slack chat.postMessage', tries: 2 }).length, { timeout: 5000 })
      .toBeGreaterThanOrEqual(1);
    const warning = logged({ code: 'outbound_timeout' })[0]!;
    expect(warning).toMatchObject({ level: 40, msg: 'outbound call failed' });
    expect(JSON.stringify(warning)).not.toContain('xoxb-');
    expect(logged({ msg: 'slack turn failed' }).length).toBeGreaterThanOrEqual(1);

    expect((await dm('T-ALPHA', 'U-ADA', 'D-ADA')).status).toBe(200);
    await expect.poll(() => postsTo('D-ADA').length, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    s.fake.release();
    await settle();
  });

  it('waits out a 429 Retry-After in that call only: other people and workspaces are answered meanwhile', async () => {
    s.fake.refuse((c) => c.method === 'chat.postMessage' && c.body.channel === 'D-RATE', 429, { retryAfter: '2' });
    expect((await dm('T-ALPHA', 'U-RATE', 'D-RATE')).status).toBe(200);
    await expect.poll(() => postsTo('D-RATE').length, { timeout: 5000, interval: 10 }).toBe(1);
    const refusedAt = postsTo('D-RATE')[0]!.at;

    await Promise.all([dm('T-ALPHA', 'U-ADA', 'D-ADA'), dm('T-BETA', 'U-BEA', 'D-BEA')]);
    await expect.poll(() => postsTo('D-ADA').length + postsTo('D-BEA').length, { timeout: 5000, interval: 10 }).toBe(2);
    expect(postsTo('D-ADA')[0]!.at).toBeLessThan(refusedAt + 2000);
    expect(postsTo('D-BEA')[0]!.at).toBeLessThan(refusedAt + 2000);

    await expect.poll(() => postsTo('D-RATE').length, { timeout: 5000 }).toBe(2);
    expect(postsTo('D-RATE')[1]!.at - refusedAt).toBeGreaterThanOrEqual(1995);
    expect(String(postsTo('D-RATE')[1]!.body.text)).toContain('What you can do');
  });

  it('waits out a 503 Retry-After (an HTTP date works as well as seconds) and then delivers', async () => {
    const inOneSecond = new Date(Date.now() + 1500).toUTCString();
    s.fake.refuse((c) => c.method === 'chat.postMessage' && c.body.channel === 'D-BUSY', 503, { retryAfter: inOneSecond });
    expect((await dm('T-ALPHA', 'U-BUSY', 'D-BUSY')).status).toBe(200);
    await expect.poll(() => postsTo('D-BUSY').length, { timeout: 6000 }).toBe(2);
    const [refused, delivered] = postsTo('D-BUSY');
    // The date has whole seconds: the wait ends somewhere in the second before it.
    expect(delivered!.at - refused!.at).toBeGreaterThanOrEqual(450);
    expect(String(delivered!.body.text)).toContain('What you can do');
  });

  it('a Retry-After longer than the limit fails the call at once, logged, instead of holding the reply', async () => {
    s.fake.refuse((c) => c.method === 'chat.postMessage' && c.body.channel === 'D-LONG', 429, { retryAfter: '30' });
    expect((await dm('T-ALPHA', 'U-LONG', 'D-LONG')).status).toBe(200);
    await expect
      .poll(() => logged({ code: 'outbound_rate_limited', call: 'slack chat.postMessage', tries: 1 }).length, { timeout: 5000 })
      .toBe(1);
    expect(logged({ code: 'outbound_rate_limited' })[0]).toMatchObject({ status: 429, retryAfterMs: 30_000 });
    // The apology that follows is a new call, and Slack takes it.
    await expect.poll(() => postsTo('D-LONG').length, { timeout: 5000 }).toBe(2);
    expect(String(postsTo('D-LONG')[1]!.body.text)).toMatch(/sorry/i);
  });
});

describe('Teams: a hung or throttled Bot Connector delays only its own conversation', () => {
  const message = (name: string) => teamsMessage('help', { serviceUrl: connector.url, user: teamsUser(name) });
  const conversationOf = (activity: Record<string, unknown>) => (activity.conversation as { id: string }).id;

  it("a conversation whose replies hang leaves another conversation's reply on time", async () => {
    const hung = message('Hana Hung');
    connector.hang((c) => c.conversationId === conversationOf(hung));
    const stuck = Array.from({ length: 6 }, () => postActivity(s.app.url, { ...hung, id: `hung-${Math.random()}` }));
    await expect.poll(() => connector.posts(conversationOf(hung)).length).toBeGreaterThanOrEqual(1);

    const other = message('Otto Other');
    const asked = Date.now();
    expect((await postActivity(s.app.url, other)).status).toBe(200);
    const [reply] = connector.posts(conversationOf(other));
    expect(reply!.at - asked).toBeLessThan(5000);
    await Promise.all(stuck); // each answered once the hung tries were given up: no crash
    expect(logged({ code: 'outbound_timeout', call: 'teams POST conversations/activities' }).length).toBeGreaterThanOrEqual(1);
    connector.release();
    await settle();
  });

  it('waits out a 429 Retry-After for one conversation while another is answered', async () => {
    const throttled = message('Tia Throttled');
    connector.refuse((c) => c.conversationId === conversationOf(throttled) && c.method === 'POST', 429, { retryAfter: '2' });
    const waiting = postActivity(s.app.url, throttled);
    await expect.poll(() => connector.posts(conversationOf(throttled)).length, { interval: 10 }).toBe(1);
    const refusedAt = connector.posts(conversationOf(throttled))[0]!.at;

    const other = message('Omar Other');
    expect((await postActivity(s.app.url, other)).status).toBe(200);
    expect(connector.posts(conversationOf(other))[0]!.at).toBeLessThan(refusedAt + 2000);

    expect((await waiting).status).toBe(200);
    const [, retried] = connector.posts(conversationOf(throttled));
    expect(retried!.at - refusedAt).toBeGreaterThanOrEqual(1995);
  });

  it('a proactive send waits out a 503 Retry-After; one that hangs fails once, unrepeated, for the job to report', async () => {
    const chat = message('Pia Proactive');
    expect((await postActivity(s.app.url, chat)).status).toBe(200); // stores the conversation reference
    const notifier = createTeamsNotifier(createTeamsAdapter(s.app.app.config, logger, { repeatSends: false }), '', s.app.db);
    const target = { workspaceId: TENANT_A, conversationId: conversationOf(chat) };
    connector.clear();

    connector.refuse((c) => c.conversationId === target.conversationId, 503, { retryAfter: '1' });
    const sent = await notifier.send(target, [{ kind: 'text', text: 'Digest ready' }]);
    expect(sent).toHaveLength(1);
    const [refused, delivered] = connector.posts(target.conversationId);
    expect(delivered!.at - refused!.at).toBeGreaterThanOrEqual(995); // timers may round a millisecond early

    connector.clear();
    connector.hang((c) => c.conversationId === target.conversationId);
    await expect(notifier.send(target, [{ kind: 'text', text: 'Digest ready' }])).rejects.toMatchObject({ code: 'teams_send_failed' });
    // A post that may have landed is not sent again: Teams keeps no key to find it by.
    expect(connector.posts(target.conversationId)).toHaveLength(1);
    connector.release();
  });

  it('retries the file-consent upload PUT after a 503 Retry-After', async () => {
    connector.refuse((c) => c.method === 'PUT' && c.path.startsWith('/upload/'), 503, { retryAfter: '1' });
    const data = Buffer.from('case,start\nC1,2026-01-01\n');
    const reply = { kind: 'file' as const, data, fileName: 'export.csv', mimeType: 'text/csv', title: 'Export', alt: 'Export' };
    await uploadAccepted({ action: 'accept', uploadInfo: { uploadUrl: connector.uploadUrl('up-1') } }, reply);
    const puts = connector.calls.filter((c) => c.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[1]!.at - puts[0]!.at).toBeGreaterThanOrEqual(995); // timers may round a millisecond early
    expect(connector.uploads.get('up-1')).toEqual(data);
  });
});
