import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { cardRows, milestonesOf, recordAndConfirm } from './milestones-helpers.js';

// A child looked after for years has a review every six months or so: the fifth, sixth and later
// reviews are said the way the first four are, and a bare "LAC review" is read as the next one.
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Reviews PACE"');
  await recordAndConfirm(bot, 'C4201 accommodated 2 Jan 2024');
  await recordAndConfirm(bot, 'C4201 first LAC review 16 Jan 2024');
  await recordAndConfirm(bot, 'C4201 2nd LAC review 1 Apr 2024');
  await recordAndConfirm(bot, 'C4201 3rd LAC review 1 Oct 2024');
  await recordAndConfirm(bot, 'C4201 4th LAC review 1 Apr 2025');
});
afterAll(() => bot?.drop());

const confirm = async (replies: Awaited<ReturnType<TestBot['say']>>) => {
  const button = firstCard(replies).buttons!.find((b) => b.label === 'Confirm')!;
  return bot.act(MEMBER, button.action.verb, button.action.data ?? {});
};

describe('LAC reviews after the fourth', () => {
  it('reads a bare "LAC review" after the fourth as the fifth, and stores it on Confirm', async () => {
    const replies = await bot.say(MEMBER, 'C4201 LAC review 1 Oct 2025');
    expect(replyText(replies)).toMatch(/already had a fourth LAC review on .*1 Apr 2025, so I’ve taken this as the \*fifth LAC review\*/);
    expect(cardRows(firstCard(replies))[0]).toMatchObject({ Milestone: 'Fifth LAC review' });
    await confirm(replies);
    expect(await milestonesOf(bot, 'C4201')).toMatchObject({ fifth_lac_review: { actual: '2025-10-01' } });
  });

  it('records the sixth to the tenth as people write them', async () => {
    for (const [said, key, date] of [
      ['C4201 6th LAC review 1 Apr 2026', 'sixth_lac_review', '2026-04-01'],
      ['C4201 seventh looked after review 1 May 2026', 'seventh_lac_review', '2026-05-01'],
      ['C4201 LAC review 1 Jun 2026', 'eighth_lac_review', '2026-06-01'],
      ['C4201 9th LAAC review 1 Jul 2026', 'ninth_lac_review', '2026-07-01'],
      ['C4201 10th review 1 Aug 2026', 'tenth_lac_review', '2026-08-01'],
    ] as const) {
      const replies = await recordAndConfirm(bot, said);
      expect(replyText(replies), said).not.toMatch(/Nothing was recorded/);
      expect((await milestonesOf(bot, 'C4201'))?.[key], said).toEqual({ actual: date });
    }
  });

  it('keeps them in order: a sixth review cannot come before the fifth', async () => {
    await recordAndConfirm(bot, 'C4202 accommodated 1 Jan 2024');
    await recordAndConfirm(bot, 'C4202 first LAC review 14 Jan 2024');
    await recordAndConfirm(bot, 'C4202 2nd LAC review 1 Apr 2024');
    await recordAndConfirm(bot, 'C4202 3rd LAC review 1 Oct 2024');
    await recordAndConfirm(bot, 'C4202 4th LAC review 1 Apr 2025');
    await recordAndConfirm(bot, 'C4202 5th LAC review 1 Oct 2025');
    const said = replyText(await bot.say(MEMBER, 'C4202 6th LAC review 1 Sep 2025'));
    expect(said).toMatch(/Sixth LAC review can’t come before fifth LAC review, which is recorded as 1 Oct 2025/);
    await recordAndConfirm(bot, 'C4202 6th LAC review 1 Apr 2026');
    expect(replyText(await bot.say(MEMBER, 'C4202 7th LAC review 1 Mar 2026'))).toMatch(/Seventh LAC review can’t come before sixth LAC review, which is recorded as 1 Apr 2026/);
  });

  it('asks "are you sure" of a fifth review within a month of accommodation', async () => {
    const replies = await bot.say(MEMBER, 'C4203 accommodated 1 Nov 2026, 5th LAC review 10 Nov 2026');
    expect(replyText(replies)).toMatch(/9 days after accommodation/);
  });

  it('says plainly that it keeps ten reviews, rather than misreading an eleventh', async () => {
    const said = replyText(await bot.say(MEMBER, 'C4201 LAC review 1 Oct 2026'));
    expect(said).toMatch(/C4201 already has a tenth LAC review.*I keep the first ten/s);
    expect(replyText(await bot.say(MEMBER, 'C4201 11th LAC review 1 Oct 2026'))).toMatch(/I keep the first ten/);
    expect((await milestonesOf(bot, 'C4201'))?.first_lac_review).toEqual({ actual: '2024-01-16' });
  });
});

describe('a tracker with later review columns', () => {
  it('maps "5th LAC review" … "10th LAC review" columns to those reviews', async () => {
    const header = 'Case ref,Accommodated,LAC 1,2nd LAC review,3rd LAC review,4th LAC review,5th LAC review,6th LAC review,10th LAC review';
    const row = 'C4301,01/01/2023,14/01/2023,01/04/2023,01/10/2023,01/04/2024,01/10/2024,01/04/2025,01/04/2027';
    const preview = firstCard(await bot.send(ADMIN, [{ name: 'reviews.csv', data: Buffer.from(`${header}\n${row}\n`, 'utf8') }]));
    const shown = replyText([{ kind: 'card', card: preview }]);
    expect(shown).toMatch(/5th LAC review → Fifth LAC review/);
    expect(shown).toMatch(/6th LAC review → Sixth LAC review/);
    expect(shown).toMatch(/10th LAC review → Tenth LAC review/);
    expect(shown).not.toMatch(/Ignored/);
  });
});
