import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COACH, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { setUpProgramme } from './pdsa-scenario.js';

/**
 * A coach's prompt is posted in a group's channel, and a digest question in the digest the channel
 * gets: words typed now for a channel later. A case reference in them is refused when typed (in a
 * direct message too), so it never reaches the channel; the bot's own test numbers are fine.
 */
let bot: TestBot;
const stored = () => bot.db.collection('prompts').find({}).toArray();

beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await setUpProgramme(bot);
  await bot.say(ADMIN, 'group legal-processes link', { kind: 'channel' });
});
afterAll(() => bot?.drop());

describe('words the bot will post in a channel', () => {
  it('refuses a prompt that names a child, storing nothing and not saying the reference back', async () => {
    const reply = replyText(await bot.say(COACH, 'prompt legal-processes every 2 weeks from 7 Dec 09:00: What did you learn from C1042?'));
    expect(reply).toMatch(/channel/);
    expect(reply).not.toMatch(/C1042/);
    expect(await stored()).toEqual([]);
  });

  it('refuses a digest question that names a child, storing nothing', async () => {
    const reply = replyText(await bot.say(COACH, 'digest question legal-processes Why is c1077 still waiting?'));
    expect(reply).toMatch(/channel/);
    expect(reply).not.toMatch(/c1077/i);
    expect(await stored()).toEqual([]);
  });

  it('keeps a prompt and a question that name only a test of change', async () => {
    expect(replyText(await bot.say(COACH, 'prompt legal-processes every 2 weeks from 7 Dec 09:00: What did T-1 teach you?'))).toMatch(/Prompt P-\d+/);
    await bot.say(COACH, 'digest question legal-processes Should we adopt T-1?');
    expect((await stored()).map((p) => p.text)).toEqual(['What did T-1 teach you?', 'Should we adopt T-1?']);
  });

  it('audits each prompt and question once, and leaves no entry waiting on them', async () => {
    const [prompt, question] = await stored();
    await bot.say(COACH, `prompt cancel P-${prompt!.number}`);
    const audit = await bot.db.collection('audit').find({ entity: 'prompt' }).sort({ at: 1, _id: 1 }).toArray();
    expect(audit.map((a) => [a.entityId, a.action])).toEqual([
      [`P-${prompt!.number}`, 'schedule'],
      [`P-${question!.number}`, 'queue_question'],
      [`P-${prompt!.number}`, 'cancel'],
    ]);
    expect((await stored()).filter((p) => p.pendingAudit)).toEqual([]);
  });
});

