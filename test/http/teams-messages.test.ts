import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBotConnector } from '../fakes/fake-bot-connector.js';
import { CHANNEL_ID, postActivity, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let bot: TestApp;
let connector: FakeBotConnector;

beforeAll(async () => {
  connector = await FakeBotConnector.start();
  bot = await startTestApp({ env: { TEAMS_ALLOW_ANONYMOUS: 'true' } });
});
afterAll(async () => {
  await bot?.stop();
  await connector?.close();
});
beforeEach(() => connector.clear());

/** Text of a posted activity: its markdown text, or its card's TextBlocks. */
function shown(body: unknown): string {
  const activity = body as { text?: string; attachments?: { content: { body: { text?: string }[] } }[] };
  return [activity.text ?? '', ...(activity.attachments ?? []).flatMap((a) => a.content.body.map((b) => b.text ?? ''))].join('\n');
}

describe('Teams messages over HTTP (anonymous local mode)', () => {
  it('answers "help" in a personal chat as a reply to the message, in Teams markdown', async () => {
    const activity = teamsMessage('help', { serviceUrl: connector.url });
    const { status } = await postActivity(bot.url, activity);
    expect(status).toBe(200);
    const [reply] = connector.posts();
    expect(connector.posts()).toHaveLength(1);
    expect(reply!.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(reply!.activityId).toBe(activity.id);
    expect(reply!.authorization).toBeUndefined();
    const body = reply!.body as { type: string; text: string; textFormat: string };
    expect(body.type).toBe('message');
    expect(body.textFormat).toBe('markdown');
    // Our *bold* becomes Teams' **bold**: a single asterisk would be italic there.
    expect(body.text).toContain('**What you can do**');
    expect(connector.unhandled).toEqual([]);
  });

  it('answers an @mention in a channel thread inside that thread, with the mention stripped', async () => {
    const activity = teamsMessage('help', { serviceUrl: connector.url, scope: 'channel', threadId: '1700000000123' });
    const { status } = await postActivity(bot.url, activity);
    expect(status).toBe(200);
    const [reply] = connector.posts();
    expect(reply!.conversationId).toBe(`${CHANNEL_ID};messageid=1700000000123`);
    expect(reply!.activityId).toBe(activity.id);
    expect(shown(reply!.body)).toContain('What you can do');
  });

  it('acknowledges a file attachment with a request to type the dates instead', async () => {
    const activity = teamsMessage('', {
      serviceUrl: connector.url,
      user: teamsUser('Fin Files'),
      extra: {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'tracker.xlsx',
            content: { downloadUrl: 'https://example.invalid/tracker.xlsx', fileType: 'xlsx' },
          },
        ],
      },
    });
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(connector.posts()).toHaveLength(1);
    expect(shown(connector.posts()[0]!.body)).toMatch(/can't read attached files.*type the case reference and the dates/);
  });

  it('refuses a body that is not JSON with 400 and runs no turn', async () => {
    const { status } = await postActivity(bot.url, '{"type": "message", ');
    expect(status).toBe(400);
    expect(connector.calls).toEqual([]);
  });

  it('answers a message from an unknown tenant-less payload with an apology, not internals', async () => {
    const activity = teamsMessage('help', { serviceUrl: connector.url });
    delete (activity.channelData as { tenant?: unknown }).tenant;
    delete (activity.conversation as { tenantId?: unknown }).tenantId;
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    const text = shown(connector.posts()[0]!.body);
    expect(text).toMatch(/^Sorry/);
    expect(text).not.toMatch(/at .*\.ts:\d+|Error:|source code/);
  });
});
