import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, firstCard, LEAD, MEMBER, replyText, type TestBot } from '../helpers/test-bot.js';
import { expectNowhere } from './milestones-helpers.js';
import { shiftCases, startMeasuresBot, textOf } from './measures-seed.js';

/**
 * A lead's chart settings name children on per-child charts: a point left out, a baseline that ends
 * at a child, a phase that starts at one. Erasing the child leaves none of it behind.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startMeasuresBot(shiftCases());
  await bot.say(LEAD, 'measure acc-rec chart run "the team reads run charts"');
});
afterAll(() => bot.drop());

describe('erasing a child named in a chart’s settings', () => {
  it('leaves the reference nowhere, and the chart still draws', async () => {
    expect(replyText(await bot.say(LEAD, 'measure acc-rec exclude C2024 "Dates entered in the wrong order"'))).toMatch(/C2024/);
    expect(replyText(await bot.say(LEAD, 'measure acc-rec baseline 12 "Before legal advice was sought early"'))).toMatch(/to C2012/);
    const measure = () => bot.db.collection('measures').findOne({ key: 'accommodated-to-permanence-recommendation' });
    expect(JSON.stringify(await measure())).toContain('C2024');

    for (const caseRef of ['C2024', 'C2012']) {
      const asked = await bot.say(ADMIN, `case ${caseRef} erase`);
      const pending = String(firstCard(asked).buttons!.find((b) => b.id === 'erase')!.action.data!.pending);
      expect(replyText(await bot.act(ADMIN, 'case.erase', { pending }))).toMatch(/Erased/);
      await expectNowhere(bot, caseRef);
    }
    // The settings stay (their reasons and who made them), and the chart is still drawn.
    expect((await measure())!.settings.exclusions).toHaveLength(1);
    expect(textOf(await bot.say(MEMBER, 'chart acc-rec'))).toMatch(/Accommodation to permanence recommendation/);
  });
});
