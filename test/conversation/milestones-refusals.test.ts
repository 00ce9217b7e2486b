import { beforeAll, describe, expect, it } from 'vitest';
import { MEMBER, replyText } from '../helpers/test-bot.js';
import { counts, milestonesOf, pendingOf, recordAndConfirm } from './milestones-helpers.js';
import { useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();

beforeAll(async () => {
  await recordAndConfirm(bot(), 'C1042 accommodated 3 Oct');
  await recordAndConfirm(bot(), 'C1042 permanence recommendation 2 Nov');
  await recordAndConfirm(bot(), 'C1077 accommodated 1 Oct');
});

/** Says it, expects a text refusal matching `pattern`, and proves nothing at all was written. */
async function refused(said: string, pattern: RegExp): Promise<string> {
  const before = await counts(bot());
  const replies = await bot().say(MEMBER, said);
  expect(replies.map((r) => r.kind)).toEqual(['text']);
  const reply = replyText(replies);
  expect(reply).toMatch(pattern);
  expect(await counts(bot())).toEqual(before);
  return reply;
}

describe('refusals that teach, with nothing stored', () => {
  it('no case reference: asks for the reference and never echoes the name', async () => {
    const reply = await refused(
      'Jamie was accommodated yesterday',
      // The area holds C1042: the example takes other digits, so a hint never names a child.
      /couldn’t find a case reference.*never their name.*“C2024 accommodated 3 Oct”/,
    );
    expect(reply).not.toMatch(/Jamie/i);
  });

  it('no case reference, said as a command', async () => {
    const reply = await refused('record Jamie Smith panel 5 Nov', /couldn’t find a case reference/);
    expect(reply).not.toMatch(/Jamie|Smith/i);
  });

  it('impossible date', async () => {
    await refused(
      'C1042 accommodated 31/02/2026',
      /“31\/02\/2026” isn’t a real date.*day then month/,
    );
  });

  it('a future date without a planning word', async () => {
    await refused(
      'C1042 accommodated next Thursday',
      /Thursday 26 November 2026 is in the future.*booked for 26 Nov/,
    );
  });

  it('a date implausibly far back (more than 18 years)', async () => {
    await refused('C1042 accommodated 3/10/2001', /more than 18 years ago.*check the year/);
  });

  it('no milestone recognised', async () => {
    await refused(
      'C1042 had a lovely day at school',
      /couldn’t tell which milestone you mean for C1042.*Accommodated, 72-hour planning meeting/,
    );
  });

  it('no date', async () => {
    await refused('C1042 accommodated', /understood C1042 — accommodated, but not when/);
  });

  it('more dates in one message than can be checked', async () => {
    const refs = Array.from({ length: 11 }, (_, i) => `C${8001 + i}`).join(', ');
    await refused(`LAC reviews held on Monday for ${refs}`, /11 dates in one message.*at most 10/);
  });

  it('dates that cannot be paired with milestones', async () => {
    await refused('C1042 accommodated 3 Oct, not 5 Oct', /1 milestone and 2 dates/);
  });

  it('a date out of order names the other milestone and its date', async () => {
    await refused(
      'C1042 permanence panel 1 Nov',
      /C1042: Permanence panel can’t come before permanence recommendation, which is recorded as 2 Nov 2026; you gave 1 Nov 2026/,
    );
    // The date it would replace is said first (a try-out: typed as an example, it read as a first date).
    await refused(
      'C1042 accommodated 5 Nov',
      /C1042: Accommodated is already recorded as Sat 3 Oct 2026\. Accommodated can’t come after permanence recommendation, which is recorded as 2 Nov 2026/,
    );
  });

  it('out of order with another date in the same message: that date is called given, not recorded', async () => {
    const reply = await refused(
      'C2042 accommodated 10 Oct and LAC review 4 Oct',
      /C2042: First LAC review can’t come before accommodated, which you gave as 10 Oct 2026; you gave 4 Oct 2026 for first LAC review\. Please check both dates/,
    );
    expect(reply).not.toMatch(/recorded as|correct it first/);
  });

  it('a new case whose two dates in one message are out of order: nothing is said to be recorded', async () => {
    const reply = await refused(
      'N3012 lac review 20/10 accommodated 25/10',
      /N3012: Accommodated can’t come after first LAC review, which you gave as 20 Oct 2026; you gave 25 Oct 2026 for accommodated\. Please check both dates and send them again\. Nothing was recorded\./,
    );
    expect(reply).not.toMatch(/recorded as|correct it first/);
    expect(await milestonesOf(bot(), 'N3012')).toBeNull();
  });

  it('a correction in the same message counts as given; a stored date keeps "recorded"', async () => {
    // C1042 holds accommodated 3 Oct and permanence recommendation 2 Nov.
    const given = await refused(
      'C1042 accommodated 1 Oct and permanence recommendation 28 Sep',
      /C1042: Permanence recommendation is already recorded as Mon 2 Nov 2026\. Permanence recommendation can’t come before accommodated, which you gave as 1 Oct 2026; you gave 28 Sept? 2026/,
    );
    expect(given).not.toMatch(/which is recorded as/);
    await refused(
      'C1042 first LAC review 20 Oct and permanence panel 1 Nov',
      /C1042: Permanence panel can’t come before permanence recommendation, which is recorded as 2 Nov 2026; you gave 1 Nov 2026\. Please check both dates — if the recorded one is wrong, correct it first\./,
    );
  });

  it('two children in one message: if one is out of order, neither is stored', async () => {
    await refused(
      'permanence recommendation for C1077 and C1042 on 20 Sep',
      /C1077: Permanence recommendation can’t come before accommodated, which is recorded as 1 Oct 2026.*Nothing was recorded/,
    );
    expect((await milestonesOf(bot(), 'C1077'))!.permanence_recommendation).toBeUndefined();
  });

  it('a plan for a milestone already reached', async () => {
    await refused(
      'C1042 accommodated booked for 12 Dec',
      /C1042 already reached accommodated on Sat 3 Oct 2026, so it needs no planned date/,
    );
  });

  it('a message that is about something else passes to "not understood"', async () => {
    await refused('what a day', /Sorry, I didn't catch that/);
  });
});

describe('checked again on Confirm', () => {
  it('refuses if the case changed since the card was shown, and stores nothing', async () => {
    const asked = await bot().say(MEMBER, 'C1077 permanence recommendation 10 Oct');
    // Meanwhile someone corrects accommodation to after that date.
    await recordAndConfirm(bot(), 'C1077 accommodated 12 Oct');
    const before = await counts(bot());
    const reply = replyText(
      await bot().act(MEMBER, 'milestone.confirm', { pending: pendingOf(asked) }),
    );
    expect(reply).toMatch(
      /changed since I asked.*can’t come before accommodated, which is recorded as 12 Oct 2026/,
    );
    expect((await milestonesOf(bot(), 'C1077'))!.permanence_recommendation).toBeUndefined();
    expect((await counts(bot())).audit).toBe(before.audit);
    const question = await bot()
      .db.collection('pending_actions')
      .findOne({ 'payload.records.date': '2026-10-10' });
    expect(question?.status).toBe('cancelled');
  });
});
