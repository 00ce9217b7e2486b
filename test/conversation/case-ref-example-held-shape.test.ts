import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestBot, createTestBot, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';

// An area on the default pattern, with no example given at setup, whose children are N3001…: every
// hint said C1042 (a try-out after importing its tracker). Hints take the shape of what it holds.
let bot: TestBot;
const say = async (user: typeof ADMIN, text: string) => replyText(await bot.say(user, text));

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: 'T-N-SHAPE', now: '2026-11-19T10:00:00Z' });
  await say(ADMIN, 'setup programme "Northvale PACE"');
});
afterAll(async () => bot?.drop());

describe('hints in an area whose references look like N3001, with no example given at setup', () => {
  it('say C1042 before any child is held, then a made-up reference in the area’s own shape', async () => {
    expect(await say(ADMIN, 'hello')).toMatch(/e\.g\. \*C1042 accommodated 3 Oct\*/);
    await recordAndConfirm(bot, 'N3001 accommodated 3 Oct');
    const home = await say(ADMIN, 'hello');
    expect(home).toMatch(/e\.g\. \*N1042 accommodated 3 Oct\*/);
    expect(home).not.toMatch(/C1042|N3001/);
  });
});
