import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard } from '../helpers/test-bot.js';
import { cardRows, milestonesOf, pendingOf, recordAndConfirm } from './milestones-helpers.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Plausible PACE"');
});
afterAll(() => bot?.drop());

describe('a date implausibly close to the previous stage', () => {
  it('asks to check a stage that takes months, recorded within a month of accommodation; confirming saves it', async () => {
    await recordAndConfirm(bot, 'C5001 accommodated 1 Oct');
    await recordAndConfirm(bot, 'C5001 first LAC review 10 Oct');
    const asked = await bot.say(MEMBER, 'C5001 permanence recommendation 20 Oct');
    const card = firstCard(asked);
    expect(cardRows(card)[0]).toMatchObject({
      Milestone: 'Permanence recommendation',
      '⚠️ Please check': 'that is 19 days after accommodation (Thu 1 Oct 2026); this stage usually takes months.',
    });
    expect(card.sections!.at(-1)!.text).toMatch(/If the date is right, confirm/);
    expect((await milestonesOf(bot, 'C5001'))!.permanence_recommendation).toBeUndefined();
    await bot.act(MEMBER, 'milestone.confirm', { pending: pendingOf(asked) });
    expect((await milestonesOf(bot, 'C5001'))!.permanence_recommendation).toEqual({ actual: '2026-10-20' });
  });

  it('asks to check a third stage on the same day, counting dates said in the same message', async () => {
    await recordAndConfirm(bot, 'C5002 accommodated 3 Nov');
    const two = cardRows(firstCard(await bot.say(MEMBER, 'C5002 72 hour meeting 3 Nov')));
    expect(two[0]!['⚠️ Please check']).toBeUndefined();
    const rows = cardRows(firstCard(await bot.say(MEMBER, 'C5002 72 hour meeting 3 Nov and first LAC review 3 Nov')));
    expect(rows[0]!['⚠️ Please check']).toBeUndefined();
    expect(rows[1]!['⚠️ Please check']).toBe(
      'that makes 3 stages on Tue 3 Nov 2026 (accommodated, 72-hour planning meeting, first LAC review), which is unusual.',
    );
  });

  it('says nothing for an ordinary journey', async () => {
    await recordAndConfirm(bot, 'C5003 accommodated 1 Jan 2026');
    await recordAndConfirm(bot, 'C5003 first LAC review 14 Jan 2026');
    const card = firstCard(await bot.say(MEMBER, 'C5003 permanence recommendation 1 Jul 2026'));
    expect(cardRows(card)[0]!['⚠️ Please check']).toBeUndefined();
    expect(card.sections!.at(-1)!.text).toBe('Nothing is stored until you confirm.');
  });
});
