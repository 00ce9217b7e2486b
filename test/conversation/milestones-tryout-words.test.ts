import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { cardRows, milestonesOf, pendingOf, recordAndConfirm } from './milestones-helpers.js';

// A new user's try-out: short words refused, a bare "LAC review" without a date named as the first
// for a child past it, and a card confirmed after an undo took away what it was checked against.
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Try-out words"');
  await recordAndConfirm(bot, 'C1042 accommodated 3 Feb 2025');
  await recordAndConfirm(bot, 'C1042 first LAC review 18 Feb 2025');
  await recordAndConfirm(bot, 'C1042 2nd LAC review 18 May 2025');
  await recordAndConfirm(bot, 'C1042 5th LAC review 18 Oct 2025');
});
afterAll(() => bot?.drop());

const confirm = (replies: Awaited<ReturnType<TestBot['say']>>) =>
  bot.act(MEMBER, 'milestone.confirm', { pending: pendingOf(replies) });
const press = async (replies: Awaited<ReturnType<TestBot['say']>>, id: string) => {
  const button = firstCard(replies).buttons!.find((b) => b.id === id)!;
  return bot.act(MEMBER, button.action.verb, button.action.data ?? {});
};
const auditOf = (caseRef: string) => bot.db.collection('audit').countDocuments({ entityId: caseRef });

describe('the short words people type', () => {
  it.each([
    ['C1048 recommendation 1 Nov', 'Permanence recommendation'],
    ['C1050 1st LAC 17 March', 'First LAC review'],
    ['C1043 acc 2/3', 'Accommodated'],
    ['C1048 panel 1 Nov', 'Permanence panel'],
    ['C1048 perm panel 1 Nov', 'Permanence panel'],
  ])('“%s” is read as %s, on a card', async (said, label) => {
    const replies = await bot.say(MEMBER, said);
    expect(replyText(replies)).not.toMatch(/couldn’t tell which milestone/);
    expect(cardRows(firstCard(replies)).map((r) => r.Milestone)).toEqual([label]);
  });
});

describe('the try-out’s own sentence', () => {
  it('reads “recommendation 1 Dec” as the permanence recommendation on the last 1 December', async () => {
    const rows = cardRows(firstCard(await bot.say(MEMBER, 'C1048 recommendation 1 Dec')));
    expect(rows).toEqual([expect.objectContaining({ Milestone: 'Permanence recommendation', Date: 'Mon 1 Dec 2025' })]);
  });
});

describe('a bare "LAC review" for a child who had the first, second and fifth', () => {
  it('without a date, names the review it would be: the next one', async () => {
    const said = replyText(await bot.say(MEMBER, 'C1042 LAC review'));
    expect(said).toMatch(/C1042 already had a fifth LAC review on Sat 18 Oct 2025, so I’ll take this as the \*sixth LAC review\*/);
    expect(said).toMatch(/I understood C1042 — sixth LAC review, but not when/);
    expect(said).toMatch(/“C1042 sixth LAC review 3 Oct”/);
    expect(said).not.toMatch(/first LAC review/);
  });

  it('with a date after the fifth, is read as the same review', async () => {
    const replies = await bot.say(MEMBER, 'C1042 LAC review 1 Nov');
    expect(replyText(replies)).toMatch(/so I’ve taken this as the \*sixth LAC review\*/);
    expect(cardRows(firstCard(replies))[0]).toMatchObject({ Milestone: 'Sixth LAC review' });
  });

  it('with a date between the second and the fifth, is the third', async () => {
    const replies = await bot.say(MEMBER, 'C1042 LAC review 1 Jul 2025');
    expect(replyText(replies)).toMatch(/already had a second LAC review on .*so I’ve taken this as the \*third LAC review\*/);
    expect(cardRows(firstCard(replies))[0]).toMatchObject({ Milestone: 'Third LAC review' });
  });

  it('for a child with no review yet, is still the first', async () => {
    expect(replyText(await bot.say(MEMBER, 'C1099 LAC review'))).toMatch(/I understood C1099 — first LAC review, but not when/);
  });
});

describe('a card confirmed after the case changed underneath it', () => {
  it('after an undo removed what it was checked against: refused, says what to do, stores nothing', async () => {
    await recordAndConfirm(bot, 'C1048 accommodated 3 Feb 2025');
    const card = await bot.say(MEMBER, 'permanence panel for C1048 was yesterday');
    bot.setNow('2026-11-19T10:05:00Z');
    const undo = await bot.say(MEMBER, 'case C1048 undo');
    expect(replyText(await press(undo, 'undo'))).toMatch(/Undone your change on \*C1048\*/);
    const audited = await auditOf('C1048');

    const said = replyText(await confirm(card));
    expect(said).toMatch(/C1048’s accommodated date \(Mon 3 Feb 2025\) has been removed since I showed you that card, so I haven’t stored anything/);
    expect(said).toMatch(/send it again — e\.g\. “C1048 permanence panel 18\/11\/2026”/);
    expect(await milestonesOf(bot, 'C1048')).toEqual({});
    expect(await auditOf('C1048')).toBe(audited);
    // The question is answered: pressed again, nothing more happens.
    expect(replyText(await confirm(card))).toMatch(/already been confirmed or cancelled/);
    const question = await bot.db.collection('pending_actions').findOne({ _id: new ObjectId(pendingOf(card)) });
    expect(question?.status).toBe('cancelled');

    // Sent again as the reply says, it is checked against the case as it is, and stored once.
    await recordAndConfirm(bot, 'C1048 permanence panel 18/11/2026');
    expect(await milestonesOf(bot, 'C1048')).toEqual({ permanence_panel: { actual: '2026-11-18' } });
    expect(await auditOf('C1048')).toBe(audited + 1);
  });

  it('a date corrected since is named with its new value', async () => {
    await recordAndConfirm(bot, 'C1049 accommodated 3 Feb 2025');
    const card = await bot.say(MEMBER, 'C1049 legal advice 2 Nov');
    await recordAndConfirm(bot, 'C1049 accommodated 5 Feb 2025');
    expect(replyText(await confirm(card))).toMatch(/C1049’s accommodated date \(Mon 3 Feb 2025\) was changed to Wed 5 Feb 2025 since I showed you that card/);
    expect(await milestonesOf(bot, 'C1049')).toEqual({ accommodated: { actual: '2025-02-05' } });
  });

  it('the same milestone recorded by another card since: refused, not overwritten', async () => {
    const first = await bot.say(MEMBER, 'C1051 accommodated 3 Oct');
    await recordAndConfirm(bot, 'C1051 accommodated 4 Oct');
    expect(replyText(await confirm(first))).toMatch(/C1051’s accommodated was recorded as Sun 4 Oct 2026 since I showed you that card/);
    expect(await milestonesOf(bot, 'C1051')).toEqual({ accommodated: { actual: '2026-10-04' } });
  });

  it('dates only added since, in order and ordinary, do not stop it', async () => {
    const accommodated = await bot.say(MEMBER, 'C1080 accommodated 3 Oct');
    const review = await bot.say(MEMBER, 'C1080 LAC review 14 Oct');
    await confirm(accommodated);
    expect(replyText(await confirm(review))).toMatch(/Saved/);
    expect(await milestonesOf(bot, 'C1080')).toEqual({
      accommodated: { actual: '2026-10-03' },
      first_lac_review: { actual: '2026-10-14' },
    });
  });

  it('a date added since that makes it look unusual is asked about afresh, as a new sentence would be', async () => {
    const panel = await bot.say(MEMBER, 'C1081 permanence panel 10 Nov');
    expect(replyText(panel)).not.toMatch(/Please check/);
    await recordAndConfirm(bot, 'C1081 accommodated 1 Nov');
    expect(replyText(await confirm(panel))).toMatch(/A date recorded for C1081 makes the permanence panel on Tue 10 Nov 2026 look unusual since I showed you that card/);
    expect(await milestonesOf(bot, 'C1081')).toEqual({ accommodated: { actual: '2026-11-01' } });
    expect(replyText(await bot.say(MEMBER, 'C1081 permanence panel 10 Nov'))).toMatch(/Please check: that is 9 days after accommodation/);
  });

  it('an order conflict arising since is still refused as before', async () => {
    const recommendation = await bot.say(MEMBER, 'C1082 permanence recommendation 1 Nov');
    await recordAndConfirm(bot, 'C1082 permanence panel 20 Oct');
    expect(replyText(await confirm(recommendation))).toMatch(/^The case changed since I asked\. C1082: Permanence recommendation can’t come after/);
    expect(await milestonesOf(bot, 'C1082')).toEqual({ permanence_panel: { actual: '2026-10-20' } });
  });

  it('a question kept before cards kept their dates is still confirmed', async () => {
    const card = await bot.say(MEMBER, 'C1083 accommodated 3 Oct');
    await bot.db.collection('pending_actions').updateOne({ _id: new ObjectId(pendingOf(card)) }, { $unset: { 'payload.shown': '' } });
    expect(replyText(await confirm(card))).toMatch(/Saved/);
    expect(await milestonesOf(bot, 'C1083')).toEqual({ accommodated: { actual: '2026-10-03' } });
  });
});
