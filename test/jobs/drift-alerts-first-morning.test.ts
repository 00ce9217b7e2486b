import { MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runDriftAlerts } from '../../jobs/drift-alerts.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { createLogger } from '../../src/log.js';
import type { Notifier } from '../../src/notify.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { LEAD, MEMBER, createTestBot, type TestBot } from '../helpers/test-bot.js';
import { mondayAfter, timesTold } from './drift-fixture.js';
import { NOTICES_WS, cardsFor, channelPosts, dmTo, record, setUpProgramme, shown, tick } from './notices-fixture.js';

// The first morning after pacebot starts, many children are already past their group's time: their
// lead gets one list, not a message per child, and each child is still told once.

/** A list's lines naming children (Slack shows a list item as "• "). */
const itemsOf = (text: unknown) => String(text).split('\n').filter((line) => /^[-•] /.test(line));

const logger = createLogger('silent');

/** C2001 … C20nn, accommodated a week apart from 5 Jan 2026: C2001 has waited longest. */
const refs = (n: number, first = 2001) => Array.from({ length: n }, (_, i) => `C${first + i}`);

const openDrift = (bot: TestBot) =>
  bot.db.collection('notices').find({ workspaceId: NOTICES_WS, kind: 'drift', status: 'open' }).toArray();

describe('the first morning, with many children already past the time', () => {
  let bot: TestBot;
  let fake: FakeSlackApi;
  let slack: Notifier;
  const PAST = refs(18);

  beforeAll(async () => {
    bot = await createTestBot({ workspaceId: NOTICES_WS });
    await setUpProgramme(bot, '2026-10-01T10:00:00Z');
    for (const [i, ref] of PAST.entries()) await record(bot, MEMBER, `${ref} accommodated ${mondayAfter(i)}`);
    // 26 weeks from Tue 12 May is Tue 10 Nov: still within the time on the first morning.
    await record(bot, MEMBER, 'C2101 accommodated 12 May 2026');
    fake = await FakeSlackApi.start();
    slack = fakeSlackNotifier(fake, bot.db);
  }, 60_000);
  afterAll(async () => {
    await fake.close();
    await bot.drop();
  });

  it('sends the lead one direct message listing them, longest wait first, the rest counted', async () => {
    expect(await tick(bot, slack, '2026-11-03T09:00:00Z')).toBe(1);
    const [list, ...others] = dmTo(fake, LEAD);
    expect(others).toHaveLength(0);
    const said = String(list!.body.text);
    expect(said).toMatch(/18 children have waited past their group’s alert time/);
    const lines = itemsOf(said);
    expect(lines).toHaveLength(15);
    expect(lines.map((line) => /C\d{4}/.exec(line)![0])).toEqual(PAST.slice(0, 15));
    expect(lines[0]).toMatch(/C2001\*: 43 weeks 1 day since accommodation, no permanence recommendation yet/);
    expect(said).toMatch(/and 3 more — say `alerts`/);
    for (const ref of PAST.slice(15)) expect(said).not.toContain(ref);
    expect(said).not.toContain('C2101');
    expect(shown(channelPosts(fake))).not.toMatch(/C2\d{3}/);
  });

  it('marks each alert as told, so the next runs send nothing more', async () => {
    const open = await openDrift(bot);
    expect(open.map((n) => n.caseRef).sort()).toEqual(PAST);
    expect(open.every((n) => n.queuedRound === n.round)).toBe(true);
    expect(await tick(bot, slack, '2026-11-03T09:15:00Z')).toBe(0);
    expect(await tick(bot, slack, '2026-11-04T09:00:00Z')).toBe(0);
    expect(dmTo(fake, LEAD)).toHaveLength(1);
    expect(await cardsFor(bot, LEAD)).toHaveLength(0);
  });

  it('tells a child who passes the time later on their own, with the usual buttons', async () => {
    expect(await tick(bot, slack, '2026-11-11T09:00:00Z')).toBe(1);
    const cards = await cardsFor(bot, LEAD);
    expect(cards.map((c) => c.title)).toEqual(['C2101 has waited 26 weeks 1 day for permanence recommendation']);
    expect(cards[0]!.buttons!.map((b) => b.id)).toEqual(['alert_snooze', 'alert_hand']);
    expect(dmTo(fake, LEAD)).toHaveLength(2);
  });
});

describe('a list a stopped run claimed but never queued', () => {
  let bot: TestBot;
  let fake: FakeSlackApi;
  let slack: Notifier;
  const PAST = refs(6, 3001);

  beforeAll(async () => {
    bot = await createTestBot({ workspaceId: NOTICES_WS });
    await setUpProgramme(bot, '2026-10-01T10:00:00Z');
    for (const [i, ref] of PAST.entries()) await record(bot, MEMBER, `${ref} accommodated ${mondayAfter(i)}`);
    fake = await FakeSlackApi.start();
    slack = fakeSlackNotifier(fake, bot.db);
  }, 60_000);
  afterAll(async () => {
    await fake.close();
    await bot.drop();
  });

  it('is queued by the next run with the children it claimed, and no child is told twice', async () => {
    // The lead is away on the first morning: the alerts are noticed but nobody is told yet.
    await bot.db.collection('members').updateOne({ workspaceId: NOTICES_WS, userId: LEAD.id }, { $set: { awayUntil: new Date('2026-11-03T09:05:00Z') } });
    expect(await tick(bot, slack, '2026-11-03T09:00:00Z')).toBe(0);
    // What a run that stopped between its two writes leaves: four claimed under one list, nothing queued.
    const list = new ObjectId().toHexString();
    const stopped = new Date('2026-11-03T09:06:00Z');
    await bot.db.collection('notices').updateMany(
      { workspaceId: NOTICES_WS, caseRef: { $in: PAST.slice(0, 4) } },
      { $push: { toldTo: { userId: LEAD.id, list, at: stopped } } } as never,
    );
    // Too soon to tell a stopped run from one still writing: nothing of that list goes yet.
    await tick(bot, slack, '2026-11-03T09:07:00Z');
    expect(timesTold(fake, PAST.slice(0, 4))).toEqual({ C3001: 0, C3002: 0, C3003: 0, C3004: 0 });
    expect(timesTold(fake, PAST.slice(4))).toEqual({ C3005: 1, C3006: 1 });
    // Ten minutes on, the stopped run's list is queued, once.
    await tick(bot, slack, '2026-11-03T09:20:00Z');
    await tick(bot, slack, '2026-11-03T09:35:00Z');
    expect(timesTold(fake, PAST)).toEqual(Object.fromEntries(PAST.map((ref) => [ref, 1])));
    const listed = dmTo(fake, LEAD).find((call) => String(call.body.text).includes('4 children'));
    expect(itemsOf(listed!.body.text)).toHaveLength(4);
    expect((await openDrift(bot)).every((n) => n.queuedRound === n.round)).toBe(true);
  });
});

describe('two instances on the first morning', () => {
  let bot: TestBot;
  let fake: FakeSlackApi;
  let second: MongoClient;
  const PAST = refs(9, 4001);

  beforeAll(async () => {
    bot = await createTestBot({ workspaceId: NOTICES_WS });
    await setUpProgramme(bot, '2026-10-01T10:00:00Z');
    for (const [i, ref] of PAST.entries()) await record(bot, MEMBER, `${ref} accommodated ${mondayAfter(i)}`);
    second = new MongoClient(inject('mongoUri'), { serverSelectionTimeoutMS: 5_000 });
    await second.connect();
    fake = await FakeSlackApi.start();
  }, 60_000);
  afterAll(async () => {
    await fake.close();
    await second.close();
    await bot.drop();
  });

  it('tell each child once between them', async () => {
    const dbs = [bot.db, second.db(bot.db.databaseName)];
    for (const iso of ['2026-11-03T09:00:00Z', '2026-11-03T09:00:20Z', '2026-11-03T09:15:00Z']) {
      const clock = () => new Date(iso);
      await Promise.all(dbs.map((db) => runDriftAlerts({ db, logger, clock })));
      await Promise.all(
        dbs.map((db, i) => runSendDeliveries({ db, logger, clock, owner: `server-${i}`, notifiers: { slack: fakeSlackNotifier(fake, db) } })),
      );
    }
    expect(timesTold(fake, PAST)).toEqual(Object.fromEntries(PAST.map((ref) => [ref, 1])));
    expect((await openDrift(bot)).every((n) => n.queuedRound === n.round)).toBe(true);
  });
});
