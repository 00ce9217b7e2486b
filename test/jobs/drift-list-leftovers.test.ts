import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifier } from '../../src/notify.js';
import type { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { LEAD, type TestBot } from '../helpers/test-bot.js';
import { driftArea } from './drift-fixture.js';
import { NOTICES_WS, cardsFor, dmTo, tick } from './notices-fixture.js';

// List or cards is decided on what is still to tell a holder: after a run that stopped half-way
// through claiming its list, the alerts it did not claim are few, and go out as cards with their
// buttons, not as a "list" of one.

describe('what is left after a stopped run’s partial claim', () => {
  let bot: TestBot;
  let fake: FakeSlackApi;
  let slack: Notifier;
  const PAST = ['C3101', 'C3102', 'C3103', 'C3104', 'C3105', 'C3106'];

  beforeAll(async () => ({ bot, fake, slack } = await driftArea(PAST)), 60_000);
  afterAll(async () => {
    await fake.close();
    await bot.drop();
  });

  it('tells the one unclaimed child by its own card, then the stopped run’s five in its list', async () => {
    // The lead is away on the first run: alerts noticed, nobody told.
    await bot.db.collection('members').updateOne({ workspaceId: NOTICES_WS, userId: LEAD.id }, { $set: { awayUntil: new Date('2026-11-03T09:05:00Z') } });
    await tick(bot, slack, '2026-11-03T09:00:00Z');
    // A run that stopped inside its list's claim: five of six claimed under that list.
    const list = new ObjectId().toHexString();
    await bot.db.collection('notices').updateMany(
      { workspaceId: NOTICES_WS, caseRef: { $in: PAST.slice(0, 5) } },
      { $push: { toldTo: { userId: LEAD.id, list, at: new Date('2026-11-03T09:06:00Z') } } } as never,
    );
    await tick(bot, slack, '2026-11-03T09:07:00Z');
    const texts = () => dmTo(fake, LEAD).map((c) => String(c.body.text));
    expect(texts().filter((t) => /\b1 children\b|\b1 child\b|rather than/.test(t))).toEqual([]);
    expect((await cardsFor(bot, LEAD)).map((c) => c.title)).toEqual([expect.stringMatching(/^C3106 /)]);
    // Once the stopped run's list is old enough to be its own, it goes, with its five.
    await tick(bot, slack, '2026-11-03T09:20:00Z');
    const lists = texts().filter((t) => /have waited past/.test(t));
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatch(/^\*5 children have waited past their group’s alert time\*/);
  });
});
