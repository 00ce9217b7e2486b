import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER, type TestBot, createTestBot, firstCard, replyText, ADMIN } from '../helpers/test-bot.js';
import { milestonesOf, recordAndConfirm } from './milestones-helpers.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Forgiving PACE"');
});
afterAll(() => bot?.drop());

describe('milestones said the way busy people say them', () => {
  it('asks "did you mean" for a near miss, with the confirmation as the button, naming only the label', async () => {
    const replies = await bot.say(MEMBER, 'C2101 LAC reveiw 3 Nov');
    expect(replyText(replies)).toMatch(/Did you mean \*First LAC review\*\?/);
    expect(replyText(replies)).not.toMatch(/reveiw/);
    const card = firstCard(replies);
    expect(card.buttons!.map((b) => b.label)).toContain('Confirm');
    const confirm = card.buttons!.find((b) => b.label === 'Confirm')!;
    await bot.act(MEMBER, confirm.action.verb, confirm.action.data ?? {});
    expect(await milestonesOf(bot, 'C2101')).toEqual({ first_lac_review: { actual: '2026-11-03' } });
  });

  it('a near miss of a date already held says how it was read, not "confirm below" with nothing below', async () => {
    await recordAndConfirm(bot, 'C2110 accommodated 3 Oct');
    const said = replyText(await bot.say(MEMBER, 'C2110 acomodated 3 Oct'));
    expect(said).toMatch(/I read that as \*Accommodated\*\.\nAlready recorded: C2110 accommodated on/);
    expect(said).not.toMatch(/confirm below/);
  });

  it('reads the abbreviations trackers use', async () => {
    const card = firstCard(await bot.say(MEMBER, 'C2102 perm rec 3 Nov'));
    expect(replyText([{ kind: 'card', card }])).toMatch(/Permanence recommendation/);
  });

  it('takes the separators areas use in references', async () => {
    for (const ref of ['NS-1042', 'SW/1042', 'AB_1042']) {
      const card = firstCard(await bot.say(MEMBER, `${ref} accommodated 3 Oct`));
      expect(replyText([{ kind: 'card', card }])).toContain(ref);
    }
  });

  it('refuses a day that does not exist in the year meant, never moving it to another year', async () => {
    const said = replyText(await bot.say(MEMBER, 'C2103 accommodated 29 Feb'));
    expect(said).not.toMatch(/2024/);
    expect(said).toMatch(/29 Feb.* isn’t a real date/);
  });

  it('refuses a permanence recommendation (and so an ADM decision) before the first LAC review', async () => {
    await recordAndConfirm(bot, 'C2104 accommodated 1 Sep');
    await recordAndConfirm(bot, 'C2104 first LAC review 20 Oct');
    expect(replyText(await bot.say(MEMBER, 'C2104 permanence recommendation 10 Oct'))).toMatch(/can’t come before (the )?first LAC review/i);
    await recordAndConfirm(bot, 'C2105 accommodated 1 Sep');
    await recordAndConfirm(bot, 'C2105 first LAC review 20 Oct');
    expect(replyText(await bot.say(MEMBER, 'C2105 ADM decision 12 Oct'))).toMatch(/can’t come before (the )?first LAC review/i);
  });
});

describe('a date already held', () => {
  it('answers "already recorded" and saves nothing twice', async () => {
    await recordAndConfirm(bot, 'C2201 accommodated 1 Sep');
    const auditBefore = await bot.db.collection('audit').countDocuments({ entityId: 'C2201' });
    const replies = await bot.say(MEMBER, 'C2201 accommodated 1 Sep');
    expect(replyText(replies)).toMatch(/already recorded/i);
    expect(replies.some((r) => r.kind === 'card' && r.card.buttons?.some((b) => b.label === 'Confirm'))).toBe(false);
    expect(await bot.db.collection('audit').countDocuments({ entityId: 'C2201' })).toBe(auditBefore);
  });
});

describe('hello and undo, said plainly', () => {
  it('hello and hi answer with the home, not "didn\'t catch that"', async () => {
    for (const said of ['hello', 'hi', 'Hi!', 'good morning']) {
      const shown = replyText(await bot.say(MEMBER, said));
      expect(shown).toMatch(/^Hello Mo/);
      expect(shown).not.toMatch(/didn't catch that/);
    }
  });

  it('undo alone asks about your last change within a day, and undoes it on the button', async () => {
    await recordAndConfirm(bot, 'C2301 accommodated 2 Sep');
    await recordAndConfirm(bot, 'C2301 first LAC review 16 Sep');
    const asked = firstCard(await bot.say(MEMBER, 'undo'));
    expect(asked.title).toBe('Undo your last change to C2301?');
    expect(await milestonesOf(bot, 'C2301')).toHaveProperty('first_lac_review');
    const undo = asked.buttons!.find((b) => b.id === 'undo')!;
    expect(replyText(await bot.act(MEMBER, undo.action.verb, undo.action.data ?? {}))).toMatch(/Undone your change on \*C2301\*/);
    expect(await milestonesOf(bot, 'C2301')).toEqual({ accommodated: { actual: '2026-09-02' } });
    bot.setNow('2026-11-21T10:00:00Z');
    expect(replyText(await bot.say(MEMBER, 'undo'))).toMatch(/no change from the last day/);
    bot.setNow('2026-11-19T10:00:00Z');
  });
});
