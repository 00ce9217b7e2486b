import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { counts, milestonesOf, recordAndConfirm } from './milestones-helpers.js';

// A phone try-out: after "C1151 acommodated yesterday" (confirmed), "C1151 LAC reveiw 3 Nov" got
// "I couldn't tell which milestone you mean…" with the whole list, while "C1152 LAC reveiw 3 Nov"
// asked "Did you mean First LAC review?". The near miss was found; it was the date that was wrong.
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-12-06T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Typo PACE"');
  await recordAndConfirm(bot, 'C1151 acommodated yesterday');
});
afterAll(() => bot?.drop());

describe('a near miss of a milestone whose date does not fit', () => {
  it('asks "did you mean", then gives the date-order reason and how to say it, recording nothing', async () => {
    expect(await milestonesOf(bot, 'C1151')).toEqual({ accommodated: { actual: '2026-12-05' } });
    const before = await counts(bot);
    const replies = await bot.say(MEMBER, 'C1151 LAC reveiw 3 Nov');
    const said = replyText(replies);
    expect(said).toMatch(/^Did you mean \*First LAC review\*\?/);
    expect(said).toMatch(/First LAC review can’t come before accommodated, which is recorded as 5 Dec 2026; you gave 3 Nov 2026/);
    expect(said).toMatch(/call it “first LAC review”/);
    expect(said).not.toMatch(/couldn’t tell which milestone/);
    expect(said).not.toMatch(/reveiw/);
    // Nothing to confirm: no card, no question left open, nothing stored.
    expect(replies.every((r) => r.kind === 'text')).toBe(true);
    expect(await counts(bot)).toEqual(before);
    expect(await milestonesOf(bot, 'C1151')).toEqual({ accommodated: { actual: '2026-12-05' } });
  });

  it('said right after the hint, it is recorded', async () => {
    await recordAndConfirm(bot, 'C1151 first LAC review 6 Dec');
    expect(await milestonesOf(bot, 'C1151')).toMatchObject({ first_lac_review: { actual: '2026-12-06' } });
  });

  it('a child with no dates still gets "did you mean" with the card', async () => {
    const replies = await bot.say(MEMBER, 'C1152 LAC reveiw 3 Nov');
    expect(replyText(replies)).toMatch(/Did you mean \*First LAC review\*\? If so, confirm below/);
    expect(firstCard(replies).buttons!.map((b) => b.label)).toContain('Confirm');
  });
});
