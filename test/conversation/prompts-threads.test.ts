import { ObjectId, type Db } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { deliver, slackEvent, TEAM } from '../fakes/slack-payloads.js';
import { CHANNEL_ID, TENANT_A, postActivity, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';

// Replies in the thread of a coach's prompt, over real HTTP from each platform. The prompt and its
// sent delivery are stored as the coach-prompts and send-deliveries jobs leave them.

async function sentPrompt(db: Db, workspaceId: string, platform: 'slack' | 'teams', conversationId: string, messageId: string): Promise<void> {
  const at = new Date();
  const promptId = new ObjectId();
  await db.collection('prompts').insertOne({
    _id: promptId, workspaceId, number: 7, kind: 'prompt', groupKey: 'legal-processes', text: 'What did your last PDSA teach you?',
    createdBy: { userId: 'U-CORA', name: 'Cora Coach' }, schedule: { kind: 'once', at }, status: 'done', createdAt: at, updatedAt: at,
  });
  await db.collection('deliveries').insertOne({
    workspaceId, idempotencyKey: `prompt|${promptId.toHexString()}`, kind: 'prompt', sourceId: promptId.toHexString(), occurrence: at.toISOString(),
    recipient: { platform, kind: 'channel', id: conversationId }, status: 'sent', attempts: 0, nextAttemptAt: at, sentParts: 1,
    conversationId, messageIds: [messageId], createdAt: at, updatedAt: at, sentAt: at,
  });
}
const responses = (db: Db) => db.collection('prompt_responses').find({}, { sort: { number: 1 } }).toArray();

describe('Slack: replies in a prompt thread', () => {
  const h = useSlackTestApp();
  const PROMPT_TS = '1700000200.000001';
  const reply = (text: string, threadTs: string, type = 'message') =>
    slackEvent({ event: { type, channel: 'C-LEGAL', channel_type: type === 'message' ? 'channel' : undefined, text, ts: '1700000300.000300', thread_ts: threadTs } });

  it('keeps a plain reply for the coach without answering in the channel', async () => {
    await sentPrompt(h.app.db, TEAM, 'slack', 'C-LEGAL', PROMPT_TS);
    expect((await deliver(h.app.url, reply('We tried the tracker; it helped', PROMPT_TS))).status).toBe(200);
    await expect.poll(async () => (await responses(h.app.db)).length, { timeout: 5000, interval: 50 }).toBe(1);
    expect((await responses(h.app.db))[0]).toMatchObject({ promptNumber: 7, userId: 'U-ADA', userName: 'Ada Lovelace', text: 'We tried the tracker; it helped' });
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('answers a reply that mentions the bot, in the thread', async () => {
    expect((await deliver(h.app.url, reply('<@UBOT> The chairs liked it', PROMPT_TS, 'app_mention'))).status).toBe(200);
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C-LEGAL', thread_ts: PROMPT_TS, text: expect.stringMatching(/kept for Cora Coach \(R-2\)/) });
    expect((await responses(h.app.db)).map((r) => r.text)).toEqual(['We tried the tracker; it helped', 'The chairs liked it']);
  });

  it('ignores other threads and the bot\'s own messages', async () => {
    await deliver(h.app.url, reply('Unrelated chat', '1700000999.000001'));
    await deliver(h.app.url, slackEvent({ event: { channel: 'C-LEGAL', channel_type: 'channel', user: 'UBOT', bot_id: 'BBOT', text: 'Thanks', ts: '1700000400.000400', thread_ts: PROMPT_TS } }));
    // A DM after them: once it is answered, the two channel messages were handled before it.
    await deliver(h.app.url, slackEvent());
    await h.fake.waitFor('chat.postMessage');
    expect(await responses(h.app.db)).toHaveLength(2);
  });
});

describe('Teams: replies in a prompt thread', () => {
  const h = useTeamsHarness();
  const lee = teamsUser('Lee Lead');

  it('keeps a reply in the prompt\'s reply chain and answers there', async () => {
    await sentPrompt(h.bot.db, TENANT_A, 'teams', CHANNEL_ID, 'act-9');
    const activity = teamsMessage('It made the 72-hour meeting shorter', { serviceUrl: h.connector.url, user: lee, scope: 'channel', threadId: 'act-9' });
    expect((await postActivity(h.bot.url, activity)).status).toBe(200);
    const [answer] = h.connector.posts(`${CHANNEL_ID};messageid=act-9`);
    expect(JSON.stringify(answer!.body)).toMatch(/kept for Cora Coach \(R-1\)/);
    expect((await responses(h.bot.db))[0]).toMatchObject({ userId: lee.aadObjectId, userName: 'Lee Lead', text: 'It made the 72-hour meeting shorter' });
  });

  it('leaves a reply in another thread to the usual commands', async () => {
    const activity = teamsMessage('whoami', { serviceUrl: h.connector.url, user: lee, scope: 'channel', threadId: 'act-99' });
    await postActivity(h.bot.url, activity);
    expect(JSON.stringify(h.connector.posts(`${CHANNEL_ID};messageid=act-99`)[0]!.body)).toMatch(/You are Lee Lead/);
    expect(await responses(h.bot.db)).toHaveLength(1);
  });
});
