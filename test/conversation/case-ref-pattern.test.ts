import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
});
afterAll(async () => {
  await bot.drop();
});

const form = (caseRefPattern: string) => ({
  name: 'Northshire PACE',
  timeZone: 'Europe/London',
  caseRefPattern,
  ruleSet: 'ihi',
});

/**
 * A case reference is never a name: set-up refuses a pattern that would take a name for one. These
 * patterns do not match the empty string, so only the check against a name refuses them.
 */
const NAME_PATTERNS = ['[A-Za-z]+', '^[A-Za-z]+$', '^\\w+$', '[A-Z][a-z]+', '^[A-Za-z]{2,}\\d*$'];

describe('a case-reference pattern that would accept a name', () => {
  it.each(NAME_PATTERNS)('is refused from the form, and nothing is stored: %s', async (pattern) => {
    const replies = await bot.act(ADMIN, 'setup.programme.save', {}, form(pattern));
    expect(replyText(replies)).toMatch(/case reference pattern needs to be one of your references as you write them, like NS-1042/);
    expect(await bot.db.collection('programmes').countDocuments()).toBe(0);
  });

  it.each(NAME_PATTERNS)('is refused in one line too: %s', async (pattern) => {
    const replies = await bot.say(ADMIN, `setup programme "Northshire PACE" pattern ${pattern}`);
    expect(replyText(replies)).toMatch(/case reference pattern needs to be one of your references as you write them, like NS-1042/);
    expect(await bot.db.collection('programmes').countDocuments()).toBe(0);
  });

  it('while a pattern of letters then digits is kept', async () => {
    await bot.act(ADMIN, 'setup.programme.save', {}, form('^[A-Za-z]{1,3}\\d{3,8}$'));
    expect(await bot.db.collection('programmes').findOne({})).toMatchObject({
      caseRefPattern: '^[A-Za-z]{1,3}\\d{3,8}$',
    });
  });
});

describe('the pattern is built from an example reference, not typed as a regular expression', () => {
  it('NS-1042 in the form accepts the area\'s references and nothing else', async () => {
    const { createTestBot, ADMIN, MEMBER, replyText } = await import('../helpers/test-bot.js');
    const bot = await createTestBot({ workspaceId: 'T-EXAMPLE' });
    try {
      await bot.say(ADMIN, 'hello');
      const saved = await bot.act(ADMIN, 'setup.programme.save', {}, { name: 'Northshire PACE', timeZone: 'Europe/London', caseRefPattern: 'NS-1042', ruleSet: 'ihi' });
      expect(replyText(saved)).toMatch(/saved/);
      const programme = await bot.db.collection('programmes').findOne({ workspaceId: 'T-EXAMPLE' });
      expect(programme!.caseRefPattern).toBe('^[A-Za-z]{2}\\-\\d{3,8}$');
      expect(replyText(await bot.say(MEMBER, 'NS-2001 accommodated 3 Oct'))).toMatch(/NS-2001/);
      expect(replyText(await bot.say(MEMBER, 'C2001 accommodated 3 Oct'))).not.toMatch(/Check before I save/);
    } finally {
      await bot.drop();
    }
  });
});
