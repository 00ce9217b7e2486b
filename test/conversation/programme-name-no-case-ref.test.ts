import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';

// A review: `setup programme "Legal C1042"` was saved, and the name heads every channel digest.
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
});
afterAll(() => bot.drop());

describe("the programme's name", () => {
  it('refuses a case reference, saying why, and keeps nothing', async () => {
    const said = replyText(await bot.say(ADMIN, 'setup programme "Legal C1042 PACE"'));
    expect(said).toMatch(/The programme’s name heads every digest and meeting pack, channels included, and case references never go into a channel/);
    expect(said).not.toMatch(/C1042/);
    expect(await bot.db.collection('programmes').countDocuments({})).toBe(0);
    expect(replyText(await bot.say(ADMIN, 'setup programme "Northshire PACE"'))).not.toMatch(/case references/);
    expect(await bot.db.collection('programmes').countDocuments({})).toBe(1);
  });
});
