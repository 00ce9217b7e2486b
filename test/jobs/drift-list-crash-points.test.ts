import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifier } from '../../src/notify.js';
import type { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { LEAD, type TestBot } from '../helpers/test-bot.js';
import { driftArea, once, timesTold } from './drift-fixture.js';
import { NOTICES_WS, tick } from './notices-fixture.js';

// The crash points of tell-drift.ts not covered in drift-alerts-first-morning.test.ts. Each is
// simulated by undoing the writes a stopped run would not have made, then running again: every child
// is told once.

describe('stopped after the list was queued, before the alerts were marked', () => {
  const PAST = ['C8001', 'C8002', 'C8003', 'C8004', 'C8005'];
  let bot: TestBot;
  let fake: FakeSlackApi;
  let slack: Notifier;
  beforeAll(async () => ({ bot, fake, slack } = await driftArea(PAST)), 60_000);
  afterAll(async () => {
    await fake.close();
    await bot.drop();
  });

  it('sends nothing again, soon after or long after', async () => {
    await tick(bot, slack, '2026-11-03T09:00:00Z');
    expect(timesTold(fake, PAST)).toEqual(once(PAST));
    const unmark = () => bot.db.collection('notices').updateMany({ workspaceId: NOTICES_WS, kind: 'drift' }, [{ $set: { queuedRound: -1 } }]);
    await unmark();
    await tick(bot, slack, '2026-11-03T09:05:00Z'); // the list is young: found queued
    await unmark();
    await tick(bot, slack, '2026-11-03T09:30:00Z'); // the list is stale: queued again, found a duplicate
    expect(timesTold(fake, PAST)).toEqual(once(PAST));
    const open = await bot.db.collection('notices').find({ workspaceId: NOTICES_WS, kind: 'drift' }).toArray();
    expect(open.every((n) => n.queuedRound === n.round)).toBe(true);
  });
});

describe('stopped after claiming a lone alert, before queueing its card', () => {
  const PAST = ['C8101', 'C8102'];
  let bot: TestBot;
  let fake: FakeSlackApi;
  let slack: Notifier;
  beforeAll(async () => ({ bot, fake, slack } = await driftArea(PAST)), 60_000);
  afterAll(async () => {
    await fake.close();
    await bot.drop();
  });

  it('queues the card on the next run, once', async () => {
    // The lead away: noticed, nobody told. Then the claim a stopped run would have left.
    await bot.db.collection('members').updateOne({ workspaceId: NOTICES_WS, userId: LEAD.id }, { $set: { awayUntil: new Date('2026-11-03T09:05:00Z') } });
    await tick(bot, slack, '2026-11-03T09:00:00Z');
    await bot.db.collection('notices').updateMany(
      { workspaceId: NOTICES_WS, kind: 'drift' },
      { $push: { toldTo: { userId: LEAD.id, at: new Date('2026-11-03T09:06:00Z') } } } as never,
    );
    await tick(bot, slack, '2026-11-03T09:15:00Z');
    await tick(bot, slack, '2026-11-03T09:30:00Z');
    expect(timesTold(fake, PAST)).toEqual(once(PAST));
  });
});
