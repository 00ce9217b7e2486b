import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../jobs/retention.js';
import { createLogger } from '../../src/log.js';
import { finishStoppedChanges } from '../../src/programme/repair/finish-stopped-changes.js';
import { pendingOf } from '../conversation/milestones-helpers.js';
import { ADMIN, MEMBER, type TestBot, createTestBot, replyText } from '../helpers/test-bot.js';

// A question keeps what the bot understood ("C1156 accommodated 2026-10-30"), so once it is answered
// or has expired it is kept a week (as processed events are), then the hourly retention run deletes it.
// One being applied is kept whatever its age: the repair sweep needs it to finish the change.

let bot: TestBot;
const questions = () => bot.db.collection('pending_actions');
const held = (id: string) => questions().findOne({ _id: new ObjectId(id) });
const sweep = (iso: string) => runRetention({ db: bot.db, logger: createLogger('silent'), clock: () => new Date(iso) });
const ask = async (sentence: string) => pendingOf(await bot.say(MEMBER, sentence));
const cancel = (id: string) => bot.act(MEMBER, 'milestone.cancel', { pending: id });

const ids: Record<string, string> = {};

beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-01T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Keep PACE"');
  // 1 Nov: a wrong-child slip cancelled at once, a question never answered (expires 2 Nov), and a
  // Confirm stopped by a crash half-way (its lease ran out, nothing finished it yet).
  ids.slip = await ask('C1156 accommodated 30 Oct 2026');
  expect(replyText(await cancel(ids.slip))).toMatch(/Cancelled/);
  ids.unanswered = await ask('C1157 accommodated 30 Oct 2026');
  ids.stopped = await ask('C1158 accommodated 30 Oct 2026');
  await questions().updateOne(
    { _id: new ObjectId(ids.stopped) },
    { $set: { status: 'applying', leaseUntil: new Date('2026-11-01T10:00:10Z') } },
  );
  // 12 Nov: another slip cancelled, another question left (expires 13 Nov).
  bot.setNow('2026-11-12T10:00:00Z');
  ids.recentSlip = await ask('C1159 accommodated 10 Nov 2026');
  await cancel(ids.recentSlip);
  ids.recentUnanswered = await ask('C1160 accommodated 10 Nov 2026');
});
afterAll(() => bot?.drop());

describe('retention of answered and expired questions', () => {
  it('deletes one cancelled or expired more than 7 days ago; keeps recent ones and one being applied', async () => {
    await sweep('2026-11-15T10:00:00Z');
    expect(await held(ids.slip)).toBeNull();
    expect(await held(ids.unanswered)).toBeNull();
    expect(await held(ids.stopped)).toMatchObject({ status: 'applying' });
    expect(await held(ids.recentSlip)).toMatchObject({ status: 'cancelled' });
    expect(await held(ids.recentUnanswered)).toMatchObject({ status: 'open' });
    expect(await questions().countDocuments({ 'source.text': /C1156|C1157/ })).toBe(0);
  });

  it('a button on a deleted question answers as for any answered one', async () => {
    expect(replyText(await cancel(ids.slip))).toMatch(/already been confirmed or cancelled, or the question expired/);
  });

  it('counts a week from when a change finished, not from when its question expired', async () => {
    // 15 Nov: the repair sweep finishes the stopped Confirm, two weeks after its question expired.
    expect(await finishStoppedChanges(bot.db, new Date('2026-11-15T10:00:00Z'))).toMatchObject({ confirmations: 1 });
    expect(await held(ids.stopped)).toMatchObject({ status: 'done' });
    // 20 Nov: finished 5 days ago, it stays; the slip cancelled on 12 Nov (8 days ago) goes.
    await sweep('2026-11-20T10:00:00Z');
    expect(await held(ids.stopped)).toMatchObject({ status: 'done' });
    expect(await held(ids.recentSlip)).toBeNull();
    await sweep('2026-11-23T10:00:00Z');
    expect(await held(ids.stopped)).toBeNull();
    expect(await held(ids.recentUnanswered)).toBeNull();
    expect(await questions().countDocuments({})).toBe(0);
  });
});
