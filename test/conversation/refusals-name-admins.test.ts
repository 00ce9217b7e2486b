import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
  // The first person to speak is the workspace's admin.
  await bot.say(ADMIN, 'setup programme "Refusals PACE"');
});
afterAll(async () => {
  await bot.drop();
});

describe('a refusal about a role', () => {
  it('names the admin to ask, and lists the roles with one "or"', async () => {
    const text = replyText(await bot.say(MEMBER, 'digest preview'));
    expect(text).toMatch(/^Only an admin, a coach or a lead can preview the digest\. Ask Alex Admin \(the programme's admin\) if you need that role\.$/);
  });

  it('names every admin (up to three), in the order they became admins', async () => {
    await bot.say(ADMIN, 'person add "Kim Ode" as admin');
    const text = replyText(await bot.say(MEMBER, 'digest preview'));
    expect(text).toMatch(/Ask Alex Admin or Kim Ode \(the programme's admins\) if you need that role\.$/);
  });

  it('says nothing of admins when the refusal is not about a role', async () => {
    const text = replyText(await bot.say(MEMBER, 'my cases', { kind: 'channel' }));
    expect(text).toMatch(/direct message/);
    expect(text).not.toMatch(/Ask .* if you need that role/);
  });
});
