import { describe, expect, it } from 'vitest';
import { CHANNEL_ID, postActivity, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';

const h = useTeamsHarness();

/** Text of a posted activity: its markdown text, or its card's TextBlocks. */
function shown(body: unknown): string {
  const activity = body as {
    text?: string;
    attachments?: { content: { body: { text?: string }[] } }[];
  };
  return [
    activity.text ?? '',
    ...(activity.attachments ?? []).flatMap((a) => a.content.body.map((b) => b.text ?? '')),
  ].join('\n');
}

describe('Teams messages over HTTP (anonymous local mode)', () => {
  it('answers "help" in a personal chat as a reply to the message, in Teams markdown', async () => {
    const activity = teamsMessage('help', { serviceUrl: h.connector.url });
    const { status } = await postActivity(h.bot.url, activity);
    expect(status).toBe(200);
    const [reply] = h.connector.posts();
    expect(h.connector.posts()).toHaveLength(1);
    expect(reply!.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(reply!.activityId).toBe(activity.id);
    expect(reply!.authorization).toBeUndefined();
    const body = reply!.body as { type: string; text: string; textFormat: string };
    expect(body.type).toBe('message');
    expect(body.textFormat).toBe('markdown');
    // Our *bold* becomes Teams' **bold**: a single asterisk would be italic there.
    expect(body.text).toContain('**What you can do**');
    expect(h.connector.unhandled).toEqual([]);
  });

  it('answers an @mention in a channel thread inside that thread, with the mention stripped', async () => {
    const activity = teamsMessage('help', {
      serviceUrl: h.connector.url,
      scope: 'channel',
      threadId: '1700000000123',
    });
    const { status } = await postActivity(h.bot.url, activity);
    expect(status).toBe(200);
    const [reply] = h.connector.posts();
    expect(reply!.conversationId).toBe(`${CHANNEL_ID};messageid=1700000000123`);
    expect(reply!.activityId).toBe(activity.id);
    expect(shown(reply!.body)).toContain('What you can do');
  });

  it('answers a re-delivered message (same activity id) only once', async () => {
    const activity = teamsMessage('help', {
      serviceUrl: h.connector.url,
      user: teamsUser('Rita Retry'),
    });
    expect((await postActivity(h.bot.url, activity)).status).toBe(200);
    expect((await postActivity(h.bot.url, activity)).status).toBe(200);
    expect(h.connector.posts()).toHaveLength(1);
  });

  it('tells a member who attaches a tracker that importing is for admins, and never downloads it', async () => {
    const activity = teamsMessage('', {
      serviceUrl: h.connector.url,
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
    expect((await postActivity(h.bot.url, activity)).status).toBe(200);
    expect(h.connector.posts()).toHaveLength(1);
    expect(shown(h.connector.posts()[0]!.body)).toMatch(/Only an admin can import a tracker/);
  });

  it('asks for typed dates when a picture is attached', async () => {
    const activity = teamsMessage('', {
      serviceUrl: h.connector.url,
      user: teamsUser('Pia Picture'),
      extra: { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/p.png' }] },
    });
    expect((await postActivity(h.bot.url, activity)).status).toBe(200);
    expect(shown(h.connector.posts()[0]!.body)).toMatch(/can't read pictures.*type the case reference and the dates/i);
  });

  it('refuses a body that is not JSON with 400 and runs no turn', async () => {
    const { status } = await postActivity(h.bot.url, '{"type": "message", ');
    expect(status).toBe(400);
    expect(h.connector.calls).toEqual([]);
  });

  it('answers a message from an unknown tenant-less payload with an apology, not internals', async () => {
    const activity = teamsMessage('help', { serviceUrl: h.connector.url });
    delete (activity.channelData as { tenant?: unknown }).tenant;
    delete (activity.conversation as { tenantId?: unknown }).tenantId;
    expect((await postActivity(h.bot.url, activity)).status).toBe(200);
    const text = shown(h.connector.posts()[0]!.body);
    expect(text).toMatch(/^Sorry/);
    expect(text).not.toMatch(/at .*\.ts:\d+|Error:|source code/);
  });
});
