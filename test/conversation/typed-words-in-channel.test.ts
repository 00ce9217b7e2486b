import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restorePlain } from '../../cards/plain-text.js';
import type { Reply } from '../../src/conversation/turn.js';
import { LEAD, MEMBER, replyText as rawText, type TestBot } from '../helpers/test-bot.js';
import { planCycle, planValues } from './pdsa-scenario.js';
import { shiftCases, startMeasuresBot } from './measures-seed.js';

// A phone try-out: a reason kept with a chart, or a test's "What happened", that named a child made
// the chart or the test unreadable in the channel (the whole reply was held back). In a channel the
// reference is shown as [case]; in a direct message as typed.
const replyText = (replies: Reply[]) => restorePlain(rawText(replies));
let bot: TestBot;
beforeAll(async () => {
  bot = await startMeasuresBot(shiftCases());
  await bot.say(LEAD, 'measure acc-rec chart run "the team reads run charts"');
  await bot.say(LEAD, 'measure acc-rec exclude C2012 "C2012 moved in from another area mid-way"');
});
afterAll(() => bot.drop());

describe('words people typed, shown in a channel', () => {
  it("a chart's kept reason: [case] in the channel, as typed in a direct message", async () => {
    const inChannel = replyText(await bot.say(LEAD, 'chart acc-rec', { kind: 'channel' }));
    expect(inChannel).toMatch(/Excluded one child's point — Lee Lead: "\[case\] moved in from another area mid-way"/);
    expect(inChannel).not.toMatch(/C2012|names children/);
    expect(replyText(await bot.say(LEAD, 'chart acc-rec'))).toMatch(/Excluded C2012 — Lee Lead: "C2012 moved in from another area mid-way"/);
  });

  it("a test of change's title and notes", async () => {
    const number = await planCycle(bot, MEMBER, planValues());
    await bot.say(MEMBER, `pdsa T-${number} note Tried it first for C2013: the chair liked it`);
    const inChannel = replyText(await bot.say(MEMBER, `pdsa T-${number}`, { kind: 'channel' }));
    expect(inChannel).toMatch(/Tried it first for \[case\]: the chair liked it/);
    expect(inChannel).not.toMatch(/C2013|names children/);
    expect(replyText(await bot.say(MEMBER, `pdsa T-${number}`))).toMatch(/Tried it first for C2013/);
  });
});
