import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, LEAD, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';

// A try-out: a group added by command with a "12 weeks" target and no key measure. `overdue` and
// `alerts` said no group had an aim in weeks, which the groups list plainly contradicted.
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Try area"');
  await bot.say(LEAD, 'hello');
  await bot.say(ADMIN, 'group add "Legal" aim "Reduce weeks to recommendation" target "12 weeks" by December 2027');
  await bot.say(ADMIN, `group legal lead ${LEAD.name}`);
});
afterAll(() => bot?.drop());

describe('an aim in weeks without a key measure', () => {
  it('`group add` says to choose the key measure when the aim is in weeks', async () => {
    const said = replyText(await bot.say(ADMIN, 'group add "Health" aim "Assess sooner" target "4 weeks" by June 2027'));
    expect(said).toMatch(/Its aim is in weeks: choose its key measure with `group health measure <measure>` \(`group health measure` lists them\)/);
    expect(replyText(await bot.say(ADMIN, 'group add "Panel" aim "Fewer delays"'))).not.toMatch(/key measure/);
  });

  it('`group add` with a target date gone by says so and how to change it, and still creates the group', async () => {
    const said = replyText(await bot.say(ADMIN, 'group add "Old" aim "Reduce the time to panel" target "all on time" by December 2025'));
    expect(said).toMatch(/Aim group \*Old\* created/);
    expect(said).toMatch(/Its target date, Wed 31 Dec 2025, has passed: if that is a slip, change it with `group old aim`\./);
    expect(replyText(await bot.say(ADMIN, 'group add "New" aim "Reduce the time to panel" target "all on time" by December 2027'))).not.toMatch(/has passed/);
  });

  it('`overdue` names the group and says how to choose its key measure', async () => {
    const said = replyText(await bot.say(LEAD, 'overdue'));
    expect(said).toMatch(/Legal\* has an aim in weeks but no key measure yet/);
    expect(said).toMatch(/`group legal measure <measure>`/);
    expect(said).toMatch(/`group legal aim`/);
    expect(said).not.toMatch(/No aim group has an aim in weeks/);
  });

  it('`alerts` says the same, and why no alert goes out', async () => {
    const said = replyText(await bot.say(ADMIN, 'alerts'));
    // The admin sees every group: Health, added above, has no key measure either.
    expect(said).toMatch(/Legal\*, \*Health\* have aims in weeks but no key measure yet.*I send no drift alerts until then/s);
    expect(said).not.toMatch(/No aim group has an aim in weeks/);
  });

  it('`group <g> measure` lists the stage measures; an unknown one, or a group without an aim, is refused and nothing changes', async () => {
    const listed = replyText(await bot.say(LEAD, 'group legal measure'));
    expect(listed).toMatch(/Which measure\? Say `group legal measure <measure>` with its name, its key, or its first letters \(`acc-rec`\)/);
    // One line each, as a list on a phone.
    expect(listed).toMatch(/\n• Accommodation to permanence recommendation: `accommodated-to-permanence-recommendation`\n• /);
    expect(replyText(await bot.say(LEAD, 'group legal measure bananas'))).toMatch(/"bananas" is not one of the stage measures/);
    await bot.say(ADMIN, 'group add "Court"');
    expect(replyText(await bot.say(ADMIN, 'group court measure panel to adm'))).toMatch(/Court\* has no aim yet, so it has no key measure/);
    expect((await bot.db.collection('groups').findOne({ key: 'legal' }))!.aim.measureKey).toBeUndefined();
  });

  it('once `group legal measure …` chooses it, it is saved (audited, aim kept) and `overdue` times the weeks', async () => {
    const said = replyText(await bot.say(LEAD, 'group legal key measure accommodation to permanence recommendation'));
    expect(said).toMatch(/Key measure set/);
    expect(said).toMatch(/Accommodation to permanence recommendation/);
    const legal = await bot.db.collection('groups').findOne({ key: 'legal' });
    // The aim's 12 weeks become the chart's target line.
    expect(legal!.aim).toMatchObject({ measureKey: 'accommodated-to-permanence-recommendation', target: '12 weeks', statement: 'Reduce weeks to recommendation', targetValue: 12 });
    expect(said).toMatch(/Target line: 12 weeks/);
    expect(await bot.db.collection('audit').countDocuments({ entity: 'group', entityId: 'legal', action: 'update' })).toBe(1);
    expect(replyText(await bot.say(LEAD, 'overdue'))).not.toMatch(/no key measure/);
    // The group's card names it, and its short name without backticks (card subtitles are plain text).
    const card = firstCard(await bot.say(LEAD, 'group legal'));
    expect(card.subtitle).toBe('Aim group, short name legal');
    expect(card.facts).toContainEqual({ label: 'Key measure', value: 'Accommodation to permanence recommendation' });
    const again = replyText(await bot.say(LEAD, 'group legal measure acc-rec'));
    expect(again).toMatch(/Key measure unchanged/);
    // The chart asked for as it was typed.
    expect(again).toMatch(/See it with `chart acc-rec`/);
  });
});
