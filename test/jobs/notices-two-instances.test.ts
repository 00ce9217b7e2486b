import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runDriftAlerts } from '../../jobs/drift-alerts.js';
import { runReminders } from '../../jobs/reminders.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { createLogger } from '../../src/log.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { LEAD, MEMBER, createTestBot, type TestBot } from '../helpers/test-bot.js';
import { NOTICES_WS, dmTo, record, setUpProgramme } from './notices-fixture.js';

// Two instances (each its own connection pool, owner name and Slack client) running the noticing
// jobs and the sender at the same moments on one database: every alert and question goes out once.

let bot: TestBot;
let fake: FakeSlackApi;
let second: MongoClient;
const logger = createLogger('silent');

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: NOTICES_WS });
  await setUpProgramme(bot, '2026-12-01T10:00:00Z');
  for (const ref of ['C3001', 'C3002', 'C3003']) await record(bot, MEMBER, `${ref} accommodated 4 May 2026`);
  await record(bot, MEMBER, 'C3004 accommodated 1 Dec 2026');
  await record(bot, MEMBER, 'LAC review for C3004 booked for 11 Dec');
  second = new MongoClient(inject('mongoUri'), { serverSelectionTimeoutMS: 5_000 });
  await second.connect();
  fake = await FakeSlackApi.start();
}, 60_000);
afterAll(async () => {
  await fake.close();
  await second.close();
  await bot.drop();
});

function instance(db: Db, owner: string) {
  const slack = fakeSlackNotifier(fake, db);
  return async (iso: string) => {
    const clock = () => new Date(iso);
    await Promise.all([runDriftAlerts({ db, logger, clock }), runReminders({ db, logger, clock })]);
    await runSendDeliveries({ db, logger, clock, owner, notifiers: { slack } });
  };
}

/** How many times each message landed in Slack, by the key it carries in its metadata. */
function postsPerKey(): number[] {
  const counts = new Map<string, number>();
  for (const call of fake.callsTo('chat.postMessage')) {
    const key = (call.body.metadata as { event_payload: { key: string } } | undefined)?.event_payload.key ?? 'none';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()];
}

describe('noticing on two instances at once', () => {
  it('sends each drift alert and each "did it happen?" exactly once', async () => {
    const a = instance(bot.db, 'server-a');
    const b = instance(second.db(bot.db.databaseName), 'server-b');
    // Mon 14 Dec 2026, 09:00: three children past 26 weeks; the LAC review planned for Fri 11 Dec passed.
    for (const iso of ['2026-12-14T09:00:00Z', '2026-12-14T09:00:30Z', '2026-12-14T09:15:00Z']) {
      await Promise.all([a(iso), b(iso)]);
    }
    expect(dmTo(fake, LEAD)).toHaveLength(3);
    expect(dmTo(fake, MEMBER)).toHaveLength(1);
    expect(postsPerKey()).toEqual([1, 1, 1, 1]);
    const notices = await bot.db.collection('notices').countDocuments({ workspaceId: NOTICES_WS, kind: { $in: ['drift', 'happened'] } });
    expect(notices).toBe(4);
    const sent = await bot.db.collection('deliveries').countDocuments({ workspaceId: NOTICES_WS, status: 'sent' });
    expect(sent).toBe(4);
  });
});
