import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, LEAD, MEMBER, type TestBot, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';
import { startPermanenceBot } from './case-lists-seed.js';

// Who holds each child: the worker the case was handed to, or else whoever last recorded a date.
let bot: TestBot;
beforeAll(async () => {
  bot = await startPermanenceBot('Holders PACE');
  // C3201: recorded by the member, then a later date by the admin: the admin recorded last.
  await recordAndConfirm(bot, 'C3201 accommodated 1 Jan 2026');
  await recordAndConfirm(bot, 'C3201 first LAC review 20 Jan 2026', ADMIN);
  // C3202: recorded by the member only.
  await recordAndConfirm(bot, 'C3202 accommodated 1 Mar 2026');
  // C3203: recorded by the member, handed to the lead.
  await recordAndConfirm(bot, 'C3203 accommodated 1 Apr 2026');
  await bot.db.collection('cases').updateOne({ caseRef: 'C3203' }, { $set: { ownerId: LEAD.id } });
});
afterAll(() => bot?.drop());

describe("case lists name each child's holder", () => {
  it('overdue: the worker it was handed to, else whoever recorded its last date', async () => {
    const overdue = replyText(await bot.say(LEAD, 'overdue'));
    expect(overdue).toContain(`- C3201: 46 weeks (${ADMIN.name})`);
    expect(overdue).toContain(`- C3202: 37 weeks 4 days (${MEMBER.name})`);
    expect(overdue).toContain(`- C3203: 33 weeks 1 day (${LEAD.name})`);
  });

  it('waiting at a stage: the same holders; in a channel, neither children nor holders', async () => {
    const waiting = replyText(await bot.say(LEAD, 'waiting at accommodated'));
    expect(waiting).toContain(`- C3202: 37 weeks 4 days (${MEMBER.name})`);
    expect(waiting).toContain(`- C3203: 33 weeks 1 day (${LEAD.name})`);
    const channel = replyText(await bot.say(LEAD, 'overdue', { kind: 'channel' }));
    expect(channel).not.toMatch(/C32\d\d|Mo Member|Lee Lead/);
  });
});
