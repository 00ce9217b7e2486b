import { beforeAll, describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../adapters/teams/create-teams-adapter.js';
import { createTeamsNotifier, type TeamsNotifier } from '../../adapters/teams/proactive.js';
import { COLLECTIONS } from '../../src/store/collections.js';
import {
  CHANNEL_ID,
  TEAM_ID,
  TENANT_A,
  TENANT_B,
  postActivity,
  teamsConversationUpdate,
  teamsInstallationUpdate,
  teamsMessage,
  teamsUser,
} from '../fakes/teams-activities.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';

const h = useTeamsHarness();

let notifier: TeamsNotifier;
const ana = teamsUser('Ana Smith');
const anaChat = `a:1personal-${ana.aadObjectId}`;
const OTHER_CHANNEL = '19:other-channel@thread.tacv2';

beforeAll(async () => {
  // A separate adapter, as a job runner would have: the stored reference is all it needs.
  notifier = createTeamsNotifier(
    createTeamsAdapter(h.bot.app.config, h.bot.app.logger),
    '',
    h.bot.db,
  );
});

const refs = () => h.bot.db.collection(COLLECTIONS.conversationRefs);
const text = (value: string) => [{ kind: 'text' as const, text: value }];

describe('Teams conversation references and proactive sends', () => {
  it('stores the channel reference with serviceUrl and tenant when the bot is added to a team', async () => {
    const { status } = await postActivity(
      h.bot.url,
      teamsConversationUpdate('added', { serviceUrl: h.connector.url, scope: 'channel' }),
    );
    expect(status).toBe(200);
    const stored = await refs().findOne({ platform: 'teams', conversationId: CHANNEL_ID });
    expect(stored).toMatchObject({
      workspaceId: TENANT_A,
      kind: 'channel',
      teamId: TEAM_ID,
      reference: {
        serviceUrl: h.connector.url,
        channelId: 'msteams',
        conversation: { id: CHANNEL_ID, tenantId: TENANT_A },
      },
      updatedAt: expect.any(Date),
    });
    expect(h.connector.unhandled).toEqual([]);
  });

  it('stores a personal chat on install and refreshes it on every message, keyed to the person', async () => {
    await postActivity(
      h.bot.url,
      teamsInstallationUpdate('add', { serviceUrl: h.connector.url, user: ana }),
    );
    const first = await refs().findOne({ conversationId: anaChat });
    expect(first).toMatchObject({ workspaceId: TENANT_A, kind: 'direct', userId: ana.aadObjectId });
    const message = teamsMessage('help', { serviceUrl: h.connector.url, user: ana });
    await postActivity(h.bot.url, message);
    const second = await refs().findOne({ conversationId: anaChat });
    expect(second!.reference.activityId).toBe(message.id);
    expect(second!.updatedAt.getTime()).toBeGreaterThanOrEqual(first!.updatedAt.getTime());
    expect(await refs().countDocuments({ conversationId: anaChat })).toBe(1);
  });

  it('stores a channel reached from a reply chain under the channel itself, not the thread', async () => {
    await postActivity(
      h.bot.url,
      teamsMessage('help', {
        serviceUrl: h.connector.url,
        scope: 'channel',
        conversationId: OTHER_CHANNEL,
        threadId: '1700000000777',
      }),
    );
    const stored = await refs().findOne({ conversationId: OTHER_CHANNEL });
    expect(stored).toMatchObject({
      kind: 'channel',
      teamId: TEAM_ID,
      reference: { conversation: { id: OTHER_CHANNEL } },
    });
  });

  it('sends proactively into a stored conversation as a new activity at the connector', async () => {
    const sent = await notifier.sendToConversation(
      TENANT_A,
      CHANNEL_ID,
      text('Digest for *Thursday*'),
    );
    expect(sent).toEqual([{ messageId: expect.stringMatching(/^act-/) }]);
    const [post] = h.connector.posts();
    expect(h.connector.posts()).toHaveLength(1);
    expect(post!.conversationId).toBe(CHANNEL_ID);
    expect(post!.activityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(post!.body).toMatchObject({ type: 'message', text: 'Digest for **Thursday**' });
  });

  it('implements the platform-free Notifier for jobs', async () => {
    expect(notifier.platform).toBe('teams');
    await notifier.send({ workspaceId: TENANT_A, conversationId: anaChat }, text('Reminder'));
    expect(h.connector.posts(anaChat)).toHaveLength(1);
  });

  it('refuses to send into a conversation of another tenant or one never stored', async () => {
    await expect(
      notifier.sendToConversation(TENANT_B, CHANNEL_ID, text('x')),
    ).rejects.toMatchObject({ code: 'teams_conversation_unknown' });
    await expect(
      notifier.sendToConversation(TENANT_A, '19:never@thread.tacv2', text('x')),
    ).rejects.toMatchObject({ code: 'teams_conversation_unknown' });
    expect(h.connector.posts()).toEqual([]);
  });

  it('hands a refused send back to the job as an UpstreamError instead of apologising into the chat', async () => {
    h.connector.refuseNext(403, 'BotNotInConversationRoster');
    await expect(
      notifier.sendToConversation(TENANT_A, CHANNEL_ID, text('x')),
    ).rejects.toMatchObject({ code: 'teams_send_failed' });
    expect(h.connector.posts()).toHaveLength(1);
  });

  it('forgets every channel of a team when the bot is removed from it, and the personal chat on uninstall', async () => {
    await postActivity(
      h.bot.url,
      teamsConversationUpdate('removed', { serviceUrl: h.connector.url, scope: 'channel' }),
    );
    expect(await refs().countDocuments({ teamId: TEAM_ID })).toBe(0);
    await postActivity(
      h.bot.url,
      teamsInstallationUpdate('remove', { serviceUrl: h.connector.url, user: ana }),
    );
    expect(await refs().countDocuments({ conversationId: anaChat })).toBe(0);
    await expect(
      notifier.sendToConversation(TENANT_A, CHANNEL_ID, text('x')),
    ).rejects.toMatchObject({ code: 'teams_conversation_unknown' });
  });

  it('never lets another tenant take over a stored conversation id', async () => {
    await postActivity(
      h.bot.url,
      teamsConversationUpdate('added', { serviceUrl: h.connector.url, scope: 'channel' }),
    );
    await postActivity(
      h.bot.url,
      teamsConversationUpdate('added', {
        serviceUrl: 'http://127.0.0.1:1/',
        scope: 'channel',
        tenantId: TENANT_B,
      }),
    );
    const stored = await refs().find({ conversationId: CHANNEL_ID }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      workspaceId: TENANT_A,
      reference: { serviceUrl: h.connector.url },
    });
  });
});
