import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, LEAD, MEMBER, type TestBot, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';
import { startPermanenceBot } from './case-lists-seed.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startPermanenceBot('Lists PACE');
  await recordAndConfirm(bot, 'C3101 accommodated 1 Jan 2026');
  await recordAndConfirm(bot, 'C3102 accommodated 1 Mar 2026');
  await recordAndConfirm(bot, 'C3103 accommodated 1 Oct 2026');
  await recordAndConfirm(bot, 'C3104 accommodated 1 Feb 2026', ADMIN);
  await recordAndConfirm(bot, 'C3104 first LAC review 10 Feb 2026', ADMIN);
  await recordAndConfirm(bot, 'C3104 permanence recommendation 1 Jun 2026', ADMIN);
});
afterAll(() => bot?.drop());

describe('case lists', () => {
  it('my cases: the ones I recorded, longest at their stage first', async () => {
    const mine = replyText(await bot.say(MEMBER, 'my cases'));
    expect(mine).toMatch(/Your cases\* \(3\)/);
    expect(mine.indexOf('C3101')).toBeLessThan(mine.indexOf('C3102'));
    expect(mine.indexOf('C3102')).toBeLessThan(mine.indexOf('C3103'));
    expect(mine).not.toMatch(/C3104/);
    expect(mine).toMatch(/C3101: accommodated 46 weeks ago/);
  });

  it('overdue: past the aim, without its end, longest first; for leads and admins, in a direct message only', async () => {
    const overdue = replyText(await bot.say(LEAD, 'overdue'));
    expect(overdue).toMatch(/2 past 26 weeks without permanence recommendation/);
    expect(overdue).toMatch(/- C3101: 46 weeks \(Mo Member\)\n- C3102: 37 weeks 4 days \(Mo Member\)/);
    expect(overdue).not.toMatch(/C3103|C3104/);
    expect(replyText(await bot.say(MEMBER, 'overdue'))).toMatch(/Only an admin or a lead/);
    expect(replyText(await bot.say(LEAD, 'overdue', { kind: 'channel' }))).toMatch(/direct message/);
  });
});
