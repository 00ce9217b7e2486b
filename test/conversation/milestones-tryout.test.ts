import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { cardRows, milestonesOf, recordAndConfirm } from './milestones-helpers.js';

// What a new user's try-out found: dates dropped, the wrong LAC review, lost capitals, names.
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Try-out PACE"');
  await recordAndConfirm(bot, 'C1042 accommodated 3 Feb 2025');
  await recordAndConfirm(bot, 'C1042 first LAC review 18 Feb 2025');
  await recordAndConfirm(bot, 'C1042 permanence recommendation 10 Jun 2025');
});
afterAll(() => bot?.drop());

const confirm = async (replies: Awaited<ReturnType<TestBot['say']>>) => {
  const button = firstCard(replies).buttons!.find((b) => b.label === 'Confirm')!;
  return bot.act(MEMBER, button.action.verb, button.action.data ?? {});
};

describe('milestones that share a date', () => {
  it('shows every milestone on the card when two or three share one day', async () => {
    const two = cardRows(firstCard(await bot.say(MEMBER, 'C1050 accommodated 2 Nov and LAC review 2 Nov')));
    expect(two.map((r) => r.Milestone)).toEqual(['Accommodated', 'First LAC review']);
    const three = cardRows(firstCard(await bot.say(MEMBER, 'C1051 accommodated 2 Nov, 72hr meeting 2 Nov and LAC review 2 Nov')));
    expect(three.map((r) => r.Milestone)).toEqual(['Accommodated', '72-hour planning meeting', 'First LAC review']);
  });

  it('says so when a milestone named gets no date, rather than dropping it', async () => {
    const replies = await bot.say(MEMBER, 'C1052 accommodated 2 Nov and LAC review');
    expect(replyText(replies)).toMatch(/I haven’t recorded a date for the first LAC review/);
    expect(cardRows(firstCard(replies)).map((r) => r.Milestone)).toEqual(['Accommodated']);
  });
});

describe('a bare "LAC review" for a child who had their first', () => {
  it('is taken as the next review, said plainly, and stored as that on Confirm', async () => {
    const replies = await bot.say(MEMBER, 'C1042 LAC review 3 Nov');
    expect(replyText(replies)).toMatch(/C1042 already had a first LAC review on .*18 Feb 2025, so I’ve taken this as the \*second LAC review\*/);
    expect(replyText(replies)).not.toMatch(/can’t come after/);
    expect(cardRows(firstCard(replies))[0]).toMatchObject({ Milestone: 'Second LAC review' });
    await confirm(replies);
    expect(await milestonesOf(bot, 'C1042')).toMatchObject({
      first_lac_review: { actual: '2025-02-18' },
      second_lac_review: { actual: '2026-11-03' },
    });
  });

  it('asks "did you mean" the next review for a typo, not the whole list', async () => {
    const replies = await bot.say(MEMBER, 'C1042 LAC reveiw 10 Nov');
    expect(replyText(replies)).toMatch(/Did you mean \*Third LAC review\*\?/);
    expect(replyText(replies)).not.toMatch(/couldn’t tell which milestone/);
    expect(cardRows(firstCard(replies))[0]).toMatchObject({ Milestone: 'Third LAC review' });
  });

  it('says why "first LAC review" is refused, then asks "did you mean" the next one', async () => {
    const replies = await bot.say(MEMBER, 'C1042 first LAC review 12 Nov');
    expect(replyText(replies)).toMatch(/First LAC review can’t come after .*Nothing was recorded\.\nDid you mean \*Third LAC review\*\?/s);
  });
});

describe('capitals mid-sentence', () => {
  it('keeps LAC and Children’s Hearing in replies', async () => {
    expect(replyText(await bot.say(MEMBER, 'C1070 2nd lac review'))).toContain('C1070 — second LAC review');
    await recordAndConfirm(bot, "C1071 children's hearing 5 Oct");
    expect(replyText(await bot.say(MEMBER, "C1071 children's hearing 5 Oct"))).toContain("C1071 Children's Hearing on");
  });
});

describe('a name typed in a milestone sentence', () => {
  it('is left out with a reminder, and nothing of it is stored', async () => {
    const replies = await bot.say(MEMBER, 'C1060 Sarah Jones accommodated 3 Nov');
    const said = replyText(replies);
    expect(said).toMatch(/looked like a person’s name — please use only the case reference/);
    expect(said).not.toMatch(/Sarah|Jones/);
    await confirm(replies);
    expect(await milestonesOf(bot, 'C1060')).toEqual({ accommodated: { actual: '2026-11-03' } });
    for (const name of await bot.db.listCollections().toArray()) {
      const docs = await bot.db.collection(name.name).find({}).toArray();
      expect(JSON.stringify(docs), name.name).not.toMatch(/Sarah|Jones/);
    }
    expect(replyText(await bot.say(MEMBER, 'C1061 accommodated 3 Nov'))).not.toMatch(/person’s name/);
  });
});
