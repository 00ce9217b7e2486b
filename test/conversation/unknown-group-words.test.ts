import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, type TestBot, createTestBot, replyText } from '../helpers/test-bot.js';

// Before any aim group existed, `person add "Sam Lee" as lead of legal` answered "There is no aim
// group "legal". Groups: none yet." and left a new admin to guess how to make one (phone try-out).
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ workspaceId: 'T-NO-GROUPS', now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Newfield PACE"');
});
afterAll(() => bot?.drop());

describe('a group named that the programme does not have', () => {
  it('with none yet: says how to make one', async () => {
    const said = replyText(await bot.say(ADMIN, 'person add "Sam Lee" as lead of legal'));
    expect(said).toBe('There is no aim group "legal": the programme has none yet. `group new` makes one (a form), or `group add "<name>"` in one line.');
  });

  it('with none yet, to someone who is not an admin: whom to ask, not commands they may not use (review)', async () => {
    expect(replyText(await bot.say(MEMBER, 'join legal'))).toBe(
      'There is no aim group "legal": the programme has none yet. Ask Alex Admin (the programme\'s admin) to make one.',
    );
  });

  it('with some: lists them, as before', async () => {
    await bot.say(ADMIN, 'group add "Permanence"');
    const said = replyText(await bot.say(ADMIN, 'person add "Sam Lee" as lead of legal'));
    expect(said).toBe('There is no aim group "legal". Groups: `permanence`.');
  });
});
