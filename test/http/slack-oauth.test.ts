import { SocketModeReceiver } from '@slack/bolt';
import restify from 'restify';
import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/create-slack-adapter.js';
import { testConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { COLLECTIONS } from '../../src/store/collections.js';
import { deliver, SECRET, slackEvent } from '../fakes/slack-payloads.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';

const OAUTH_ENV = {
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'a-long-random-state-secret',
  PUBLIC_URL: 'https://pacebot.example.org',
};

const s = useSlackTestApp(OAUTH_ENV);

/** Walks the install: /slack/install → (Slack) → /slack/oauth_redirect with the code. */
async function install(code: string, tamper = false): Promise<Response> {
  const start = await fetch(`${s.app.url}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const state = authorize.searchParams.get('state')!;
  return fetch(`${s.app.url}/slack/oauth_redirect?code=${code}&state=${tamper ? `${state}x` : state}`, { headers: { cookie } });
}

const installations = () => s.app.db.collection(COLLECTIONS.slackInstallations);

describe('multi-workspace OAuth', () => {
  it('/slack/install sends the browser to Slack with our scopes, redirect URI and a signed state', async () => {
    const res = await fetch(`${s.app.url}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('111.222');
    expect(location.searchParams.get('scope')!.split(',')).toEqual(expect.arrayContaining(['chat:write', 'commands', 'files:write', 'im:history']));
    expect(location.searchParams.get('redirect_uri')).toBe('https://pacebot.example.org/slack/oauth_redirect');
    expect(res.headers.get('set-cookie')).toContain(location.searchParams.get('state'));
  });

  it('the redirect exchanges the code and stores the installation in MongoDB; events then use its token', async () => {
    const res = await install('ALPHA');
    expect(res.status).toBe(200);
    expect(s.fake.callsTo('oauth.v2.access')[0]!.body).toMatchObject({ code: 'ALPHA', client_id: '111.222' });
    const stored = await installations().findOne({ installationId: 'team:T-ALPHA' });
    expect(stored?.installation.bot).toMatchObject({ token: 'xoxb-installed-ALPHA', userId: 'UBOT' });

    await deliver(s.app.url, slackEvent({ teamId: 'T-ALPHA', event: { text: 'help' } }));
    const [post] = await s.fake.waitFor('chat.postMessage');
    expect(post!.authorization).toBe('Bearer xoxb-installed-ALPHA');
  });

  it('refuses a redirect whose state is not this browser\'s, storing nothing', async () => {
    const res = await install('EVIL', true);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await installations().countDocuments({ installationId: 'team:T-EVIL' })).toBe(0);
    expect(s.fake.callsTo('oauth.v2.access')).toHaveLength(0);
  });

  it('acks and ignores events from a workspace without an installation', async () => {
    const res = await deliver(s.app.url, slackEvent({ teamId: 'T-NOBODY', event: { text: 'help' } }));
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('app_uninstalled deletes the installation', async () => {
    await install('GAMMA');
    expect(await installations().countDocuments({ installationId: 'team:T-GAMMA' })).toBe(1);
    const res = await deliver(s.app.url, slackEvent({ teamId: 'T-GAMMA', event: { type: 'app_uninstalled', user: undefined, channel: undefined, text: undefined } }));
    expect(res.status).toBe(200);
    await expect.poll(() => installations().countDocuments({ installationId: 'team:T-GAMMA' })).toBe(0);
  });
});

describe('Socket Mode', () => {
  it('with SLACK_APP_TOKEN builds the app on a Socket Mode receiver and serves no /slack/events', async () => {
    const config = testConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-1-A1-2-abc', SLACK_API_URL: s.fake.url });
    const logger = createLogger('silent');
    const conversation = { db: s.app.db, logger, clock: () => new Date() };
    const adapter = createSlackAdapter({ config, logger, conversation, store: s.app.app.store, turns: s.app.app.turns });
    expect(adapter.receiver).toBeInstanceOf(SocketModeReceiver);
    const server = restify.createServer();
    adapter.register(server);
    expect(server.getDebugInfo().routes).toEqual([]);
    await s.fake.waitFor('auth.test');
  });
});
