import type { Db } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { deliveriesCollection } from '../../src/deliveries/deliveries-collection.js';
import { enqueueDelivery, type NewDelivery } from '../../src/deliveries/enqueue-delivery.js';
import { DEFAULT_LEASE_MS } from '../../src/deliveries/retry-policy.js';
import { createLogger } from '../../src/log.js';
import type { Notifier } from '../../src/notify.js';
import { ensureIndexes } from '../../src/store/collections.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

const T0 = new Date('2027-03-30T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
let testDb: TestDb;
let db: Db;
let fake: FakeSlackApi;
let slack: Notifier;
const logger = createLogger('silent');

beforeAll(async () => {
  testDb = await openTestDb('deliveries');
  db = testDb.db;
  await ensureIndexes(db);
  fake = await FakeSlackApi.start();
  slack = fakeSlackNotifier(fake, db);
  await db.collection('members').insertOne({ workspaceId: 'T1', userId: 'U-ADMIN', name: 'Alex Admin', roles: ['admin'], createdAt: T0 });
});
afterAll(async () => {
  await fake.close();
  await testDb.drop();
});
beforeEach(async () => {
  fake.clear();
  await deliveriesCollection(db).deleteMany({});
});

/** A three-message delivery to a Slack channel: text, chart, text. */
function threeParts(occurrence: string, channel = 'C-GROUP'): NewDelivery {
  return {
    workspaceId: 'T1',
    kind: 'prompt',
    sourceId: 'prompt-1',
    occurrence,
    recipient: { platform: 'slack', kind: 'channel', id: channel },
    replies: [
      { kind: 'text', text: `first ${occurrence}` },
      { kind: 'card', card: { title: `second ${occurrence}` } },
      { kind: 'text', text: `third ${occurrence}` },
    ],
  };
}

const run = (owner: string, now: Date, extra: Partial<Parameters<typeof runSendDeliveries>[0]> = {}) =>
  runSendDeliveries({ db, logger, owner, clock: () => now, notifiers: { slack }, ...extra });

/** How many times each message landed in Slack, by the key in its metadata. */
function postsPerKey(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of fake.messages) {
    const key = message.metadata?.event_payload.key as string;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('recording before sending', () => {
  it('keeps one record per idempotency key, however often it is enqueued', async () => {
    expect(await enqueueDelivery(db, threeParts('2027-03-30'), T0)).toBe(true);
    expect(await enqueueDelivery(db, threeParts('2027-03-30'), at(1000))).toBe(false);
    expect(await deliveriesCollection(db).countDocuments({})).toBe(1);
  });
});

describe('two senders at once', () => {
  it('send every message exactly once between them', async () => {
    for (let i = 0; i < 6; i++) await enqueueDelivery(db, threeParts(`occurrence-${i}`), T0);
    const [a, b] = await Promise.all([run('instance-a', T0), run('instance-b', T0)]);
    expect((a.sent ?? 0) + (b.sent ?? 0)).toBe(6);
    const counts = postsPerKey();
    expect(counts.size).toBe(18);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await deliveriesCollection(db).countDocuments({ status: 'sent', sentParts: 3 })).toBe(6);
  });
});

describe('a sender that stops in the middle', () => {
  it('is taken over after its lease; the message Slack already has is found, not sent again', async () => {
    await enqueueDelivery(db, threeParts('crash'), T0);
    let wake!: () => void;
    const hung = new Promise<void>((resolve) => (wake = resolve));
    // Instance A: Slack accepts message 1 (the card), then A stops before recording it.
    const stalled = run('instance-a', T0, { afterSend: (_record, part) => (part === 1 ? hung : undefined) });
    await fake.waitFor('chat.postMessage', 2);
    expect(await run('instance-b', at(DEFAULT_LEASE_MS - 1))).toEqual({});
    expect(await run('instance-b', at(DEFAULT_LEASE_MS + 1))).toEqual({ sent: 1 });
    expect(fake.callsTo('conversations.history')).toHaveLength(1);
    expect([...postsPerKey().values()]).toEqual([1, 1, 1]);
    // A wakes up, finds its claim gone, and sends nothing more.
    wake();
    expect(await stalled).toEqual({ lost: 1 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('resends a message that never reached Slack', async () => {
    await enqueueDelivery(db, threeParts('lost'), T0);
    // A died after recording that it was about to send message 0, before Slack got it.
    await deliveriesCollection(db).updateOne({}, { $set: { status: 'sending', claim: 'dead', claimedBy: 'instance-a', leaseUntil: at(-1), attemptingPart: 0 } });
    expect(await run('instance-b', T0)).toEqual({ sent: 1 });
    expect(fake.callsTo('conversations.history')).toHaveLength(1);
    expect([...postsPerKey().values()]).toEqual([1, 1, 1]);
  });
});

describe('failures', () => {
  it('resume after the messages already sent, checking the interrupted one first', async () => {
    await enqueueDelivery(db, threeParts('flaky'), T0);
    await run('a', T0, { afterSend: (_r, part) => (part === 0 ? fake.failNext('chat.postMessage', 'internal_error') : undefined) });
    const failed = await deliveriesCollection(db).findOne({});
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, sentParts: 1, attemptingPart: 1, nextAttemptAt: at(60_000), lastError: { code: 'slack_internal_error' } });
    expect(await run('a', at(59_000))).toEqual({});
    expect(await run('a', at(60_000))).toEqual({ sent: 1 });
    expect(fake.callsTo('chat.postMessage').map((c) => c.body.text)).toEqual(['first flaky', 'second flaky', 'second flaky', 'third flaky']);
    expect([...postsPerKey().values()]).toEqual([1, 1, 1]);
  });

  it('back off 1, 2, 4, 8 minutes, then give up and tell the admins by direct message', async () => {
    await enqueueDelivery(db, { ...threeParts('gone', 'C-REMOVED'), replies: [{ kind: 'text', text: 'hello' }] }, T0);
    let now = T0;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      fake.failNext('chat.postMessage', 'not_in_channel');
      const outcome = await run('a', now);
      const record = (await deliveriesCollection(db).findOne({ kind: 'prompt' }))!;
      if (attempt < 5) {
        expect(outcome).toEqual({ retry: 1 });
        waits.push(record.nextAttemptAt.getTime() - now.getTime());
        now = record.nextAttemptAt;
      } else {
        expect(outcome).toMatchObject({ failed: 1, sent: 1 });
        expect(record).toMatchObject({ status: 'failed', attempts: 5, lastError: { code: 'slack_not_in_channel' } });
      }
    }
    expect(waits).toEqual([60_000, 120_000, 240_000, 480_000]);
    const alert = fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'D-ADMIN');
    expect(alert?.body.text).toMatch(/could not deliver a coach's prompt .* after 5 tries.*not_in_channel/);
    expect(await deliveriesCollection(db).findOne({ kind: 'alert' })).toMatchObject({ status: 'sent', recipient: { kind: 'user', id: 'U-ADMIN' } });
  });
});
