import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, LEAD, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
  await bot.say(ADMIN, 'setup programme "Northvale PACE"');
});
afterAll(() => bot.drop());

describe('a command with a slip of the finger', () => {
  it('gets the command it was probably meant to be, with the rest of the message, and nothing runs', async () => {
    expect(replyText(await bot.say(LEAD, 'overdeu'))).toBe('Did you mean `overdue`? Type `help` to see everything I can do.');
    expect(replyText(await bot.say(LEAD, 'overdeu team North'))).toMatch(/^Did you mean `overdue team North`\?/);
    // Two letters swapped count as one slip.
    expect(replyText(await bot.say(LEAD, 'measuers'))).toMatch(/^Did you mean `measures`\?/);
    expect(replyText(await bot.say(LEAD, 'peopel'))).toMatch(/^Did you mean `people`\?/);
  });

  it('after `chart`, points to `chart waiting` rather than looking for a measure called "wating"', async () => {
    expect(replyText(await bot.say(LEAD, 'chart wating adm to lodged'))).toBe(
      'I don\'t know a measure called "wating adm to lodged". Did you mean `chart waiting adm to lodged`?',
    );
  });

  it('is not guessed from short words, words near no command, or words near two', async () => {
    for (const said of ['helo there', 'xylophone', 'groupz']) {
      expect(replyText(await bot.say(LEAD, said))).toMatch(/Sorry, I didn't catch that/);
    }
  });
});
