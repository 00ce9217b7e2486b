import type { ConversationReference } from 'botbuilder';
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsConversationRefs } from '../../adapters/teams/conversation-refs.js';
import { createTeamsAdapter } from '../../adapters/teams/create-teams-adapter.js';
import { createTeamsNotifier } from '../../adapters/teams/proactive.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { testConfig } from '../../src/config.js';
import { deliveriesCollection } from '../../src/deliveries/deliveries-collection.js';
import { enqueueDelivery } from '../../src/deliveries/enqueue-delivery.js';
import { createLogger } from '../../src/log.js';
import type { Notifier } from '../../src/notify.js';
import { ensureIndexes } from '../../src/store/collections.js';
import { FakeBotConnector } from '../fakes/fake-bot-connector.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

const TENANT = 'tenant-1';
const CHANNEL = '19:group@thread.tacv2';
const ADMIN_CHAT = 'a:admin-chat';
const T0 = new Date('2027-03-30T08:00:00Z');
let testDb: TestDb;
let db: Db;
let connector: FakeBotConnector;
let teams: Notifier;
const logger = createLogger('silent');

beforeAll(async () => {
  testDb = await openTestDb('teams_deliveries');
  db = testDb.db;
  await ensureIndexes(db);
  connector = await FakeBotConnector.start();
  const config = testConfig({ TEAMS_ALLOW_ANONYMOUS: 'true' });
  teams = createTeamsNotifier(createTeamsAdapter(config, logger), '', db);
  const refs = teamsConversationRefs(db);
  const reference = (id: string): Partial<ConversationReference> => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id, tenantId: TENANT, isGroup: id === CHANNEL, conversationType: id === CHANNEL ? 'channel' : 'personal', name: '' },
    bot: { id: '28:bot', name: 'pacebot' },
  });
  await refs.save({ workspaceId: TENANT, platform: 'teams', conversationId: CHANNEL, kind: 'channel', reference: reference(CHANNEL), updatedAt: T0 });
  await refs.save({ workspaceId: TENANT, platform: 'teams', conversationId: ADMIN_CHAT, kind: 'direct', userId: 'aad-admin', reference: reference(ADMIN_CHAT), updatedAt: T0 });
  await db.collection('members').insertOne({ workspaceId: TENANT, userId: 'aad-admin', name: 'Alex Admin', roles: ['admin'], createdAt: T0 });
});
afterAll(async () => {
  await connector.close();
  await testDb.drop();
});

const prompt = (occurrence: string) => ({
  workspaceId: TENANT,
  kind: 'prompt' as const,
  sourceId: 'prompt-1',
  occurrence,
  recipient: { platform: 'teams' as const, kind: 'channel' as const, id: CHANNEL },
  replies: [{ kind: 'card' as const, card: { title: `Prompt ${occurrence}` } }, { kind: 'text' as const, text: 'Reply in this thread.' }],
});
const run = (now: Date) => runSendDeliveries({ db, logger, owner: 'a', clock: () => now, notifiers: { teams } });

describe('Teams deliveries', () => {
  it("keep the connector's message ids, so replies in a prompt's thread can be matched to it", async () => {
    await enqueueDelivery(db, prompt('first'), T0);
    expect(await run(T0)).toEqual({ sent: 1 });
    const posts = connector.posts(CHANNEL);
    expect(posts).toHaveLength(2);
    const record = await deliveriesCollection(db).findOne({ occurrence: 'first' });
    expect(record!.messageIds).toHaveLength(2);
    expect(record!.messageIds[0]).toMatch(/^act-\d+$/);
    expect(record).toMatchObject({ status: 'sent', conversationId: CHANNEL, sentParts: 2 });
  });

  it('mark an interrupted send uncertain and tell the admins, rather than post it twice', async () => {
    connector.clear();
    await enqueueDelivery(db, prompt('interrupted'), T0);
    await deliveriesCollection(db).updateOne(
      { occurrence: 'interrupted' },
      { $set: { status: 'sending', claim: 'dead', claimedBy: 'b', leaseUntil: new Date(T0.getTime() - 1), attemptingPart: 0, conversationId: CHANNEL } },
    );
    expect(await run(T0)).toEqual({ uncertain: 1, sent: 1 });
    expect(connector.posts(CHANNEL)).toEqual([]);
    const alert = connector.posts(ADMIN_CHAT);
    expect(alert).toHaveLength(1);
    expect(JSON.stringify(alert[0]!.body)).toMatch(/may or may not have delivered a coach's prompt.*will not send it again/);
    expect(await deliveriesCollection(db).findOne({ occurrence: 'interrupted' })).toMatchObject({ status: 'uncertain' });
    expect(connector.unhandled).toEqual([]);
  });
});
