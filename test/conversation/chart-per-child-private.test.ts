import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD, MEMBER, replyText, type TestBot } from '../helpers/test-bot.js';
import { imageOf, shiftCases, startMeasuresBot, textOf } from './measures-seed.js';

// 24 children, one point each: the per-child run chart. Case references go to a person only.
let bot: TestBot;
beforeAll(async () => {
  bot = await startMeasuresBot(shiftCases());
  await bot.say(LEAD, 'measure acc-rec baseline 12 "Before legal advice was sought early"');
});
afterAll(() => bot.drop());

const caseRef = /C20\d\d/;

describe('the per-child chart names children only where references may go', () => {
  it('in a direct message: each child by reference and date in the alt text and the table', async () => {
    const replies = await bot.say(MEMBER, 'chart acc-rec run');
    const chart = imageOf(replies);
    expect(chart.alt).toMatch(/C2001 \(\d+ January 2025\)/);
    expect(chart.table?.columns).toEqual(['#', 'Reached', 'Child', 'Weeks per child', 'Note']);
    expect(chart.table?.rows.map((row) => row[2])).toContain('C2024');
    expect(textOf(replies)).toMatch(/to C2012/);
  });

  it('in a channel: the same PNG, and no reference in its alt text, table or words', async () => {
    const direct = imageOf(await bot.say(MEMBER, 'chart acc-rec run'));
    const replies = await bot.say(MEMBER, 'chart acc-rec run', { kind: 'channel' });
    const chart = imageOf(replies);
    expect(chart.png.equals(direct.png)).toBe(true);
    expect(chart.alt).not.toMatch(caseRef);
    expect(chart.alt).toMatch(/January 2025 to/);
    expect(JSON.stringify(chart.table)).not.toMatch(caseRef);
    expect(chart.table?.columns).toEqual(['#', 'Reached', 'Weeks per child', 'Note']);
    const words = textOf(replies);
    expect(words).not.toMatch(caseRef);
    // The lead's baseline, set through a child, is named by the date that child reached the stage.
    expect(words).toMatch(/first 12 points \(to \d+ \w+ 2025\)/);
  });

  it("the measure's card names the lead's baseline by reference in a direct message, by date in a channel", async () => {
    expect(replyText(await bot.say(MEMBER, 'measure acc-rec'))).toMatch(/first 12 points \(to C2012\)/);
    const channel = replyText(await bot.say(MEMBER, 'measure acc-rec', { kind: 'channel' }));
    expect(channel).toMatch(/first 12 points \(to \d+ \w+ 2025\)/);
    expect(channel).not.toMatch(caseRef);
  });
});
