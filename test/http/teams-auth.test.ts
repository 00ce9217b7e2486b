import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { teamsRoute } from '../../adapters/teams/teams-route.js';
import { COLLECTIONS } from '../../src/store/collections.js';
import { FakeBotConnector } from '../fakes/fake-bot-connector.js';
import {
  FakeBotFrameworkAuth,
  type Forgery,
  NoTokenCredentialsFactory,
} from '../fakes/fake-bot-framework-auth.js';
import { postActivity, teamsConversationUpdate, teamsMessage } from '../fakes/teams-activities.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const APP_ID = '5a0c1c1e-0000-4000-8000-00000000b07a';

let connector: FakeBotConnector;
let auth: FakeBotFrameworkAuth;

beforeAll(async () => {
  connector = await FakeBotConnector.start();
  auth = await FakeBotFrameworkAuth.start();
});
afterAll(async () => {
  await connector?.close();
  await auth?.close();
});
beforeEach(() => connector.clear());

/** What a refused request must not have left behind. */
async function written(bot: TestApp): Promise<number> {
  const counts = await Promise.all(
    [COLLECTIONS.workspaces, COLLECTIONS.members, COLLECTIONS.conversationRefs].map((name) =>
      bot.db.collection(name).countDocuments(),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

describe('Teams JWT checks with an app id (mode B: real validation against a loopback OpenID endpoint)', () => {
  let bot: TestApp;
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  beforeAll(async () => {
    bot = await startTestApp({
      logger,
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'secret',
        BOTFRAMEWORK_OPENID_METADATA_URL: auth.openIdUrl,
      },
      routes: (parts) => [
        teamsRoute(parts, { credentialsFactory: new NoTokenCredentialsFactory(APP_ID) }),
      ],
    });
  });
  afterAll(() => bot?.stop());

  const message = () => teamsMessage('help', { serviceUrl: connector.url });
  const refusals: [string, (serviceUrl: string) => Promise<string | undefined>][] = [
    ['no Authorization header', async () => undefined],
    [
      'a token for another bot (wrong aud)',
      (serviceUrl) => auth.token({ aud: '00000000-0000-4000-8000-000000000000', serviceUrl }),
    ],
    [
      'a token from another issuer',
      (serviceUrl) => auth.token({ aud: APP_ID, serviceUrl, iss: 'https://sts.example.org/' }),
    ],
    [
      'an expired token (beyond the 5-minute tolerance)',
      (serviceUrl) => auth.token({ aud: APP_ID, serviceUrl, expiresIn: -600 }),
    ],
    [
      'a token minted for a different serviceUrl',
      () => auth.token({ aud: APP_ID, serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
    ],
  ];

  for (const [name, mint] of refusals) {
    it(`refuses ${name} with 401 and writes nothing`, async () => {
      const activity = message();
      const { status } = await postActivity(
        bot.url,
        activity,
        await mint(activity.serviceUrl as string),
      );
      expect(status).toBe(401);
      expect(connector.calls).toEqual([]);
      expect(await written(bot)).toBe(0);
    });
  }

  const forgeries: Forgery[] = ['unknown-key', 'alg-none', 'hs256-with-public-key', 'not-yet-valid'];
  for (const kind of forgeries) {
    it(`refuses a forged token (${kind}) with 401, a fixed body and one log line`, async () => {
      const activity = message();
      const token = await auth.forged(kind, { aud: APP_ID, serviceUrl: activity.serviceUrl as string });
      logLines.length = 0;
      const { status, body } = await postActivity(bot.url, activity, token);
      expect(status).toBe(401);
      expect(body).toEqual({ code: 'unauthorized', message: 'This endpoint needs a valid Bot Framework token.' });
      const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 40, code: 'teams_unauthorized', msg: 'Teams request refused: not authenticated' });
      expect(lines[0]).not.toHaveProperty('err');
      expect(connector.calls).toEqual([]);
      expect(await written(bot)).toBe(0);
    });
  }

  it('says why in the log line with a fixed word, not the library text', async () => {
    const activity = message();
    logLines.length = 0;
    await postActivity(bot.url, activity);
    await postActivity(bot.url, activity, await auth.forged('not-yet-valid', { aud: APP_ID, serviceUrl: activity.serviceUrl as string }));
    await postActivity(bot.url, activity, await auth.forged('unknown-key', { aud: APP_ID, serviceUrl: activity.serviceUrl as string }));
    const reasons = logLines.map((line) => (JSON.parse(line) as { reason?: string }).reason);
    expect(reasons).toEqual(['no_token', 'not_yet_valid', 'unknown_key']);
  });

  it('answers a body that is not an activity with 400, before looking at the token', async () => {
    for (const body of ['[1,2]', '{"text":"no type"}', '"just a string"']) {
      const { status, body: answer } = await postActivity(bot.url, body);
      expect(status).toBe(400);
      expect(answer).toEqual({ code: 'bad_request', message: 'Not a Bot Framework activity.' });
    }
  });

  it('refuses an unsigned conversationUpdate too, so nobody can plant a conversation reference', async () => {
    const { status } = await postActivity(
      bot.url,
      teamsConversationUpdate('added', { serviceUrl: connector.url, scope: 'channel' }),
    );
    expect(status).toBe(401);
    expect(await written(bot)).toBe(0);
  });

  it('accepts a valid Bot Connector token and answers at the connector', async () => {
    const activity = message();
    const token = await auth.token({ aud: APP_ID, serviceUrl: activity.serviceUrl as string });
    const { status } = await postActivity(bot.url, activity, token);
    expect(status).toBe(200);
    expect(connector.posts()).toHaveLength(1);
    expect(connector.posts()[0]!.activityId).toBe(activity.id);
    expect(await written(bot)).toBeGreaterThan(0);
  });
});

describe('Teams with no app id', () => {
  it('refuses every request with 401 unless TEAMS_ALLOW_ANONYMOUS=true', async () => {
    const bot = await startTestApp();
    try {
      const { status } = await postActivity(
        bot.url,
        teamsMessage('help', { serviceUrl: connector.url }),
      );
      expect(status).toBe(401);
      expect(connector.calls).toEqual([]);
      expect(await written(bot)).toBe(0);
    } finally {
      await bot.stop();
    }
  });

  it('with TEAMS_ALLOW_ANONYMOUS=true accepts unauthenticated requests and warns once at start', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const bot = await startTestApp({ env: { TEAMS_ALLOW_ANONYMOUS: 'true' }, logger });
    try {
      const warnings = lines.map((line) => JSON.parse(line) as { code?: string; level: number });
      expect(warnings.filter((w) => w.code === 'teams_anonymous')).toHaveLength(1);
      const { status } = await postActivity(
        bot.url,
        teamsMessage('help', { serviceUrl: connector.url }),
      );
      expect(status).toBe(200);
      expect(connector.posts()).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  });
});
