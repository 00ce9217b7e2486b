import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlyApostrophes, straightApostrophes } from '../helpers/apostrophes.js';
import { ADMIN, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
  await bot.say(ADMIN, 'setup programme "Glenmoray"');
});
afterAll(async () => {
  await bot.drop();
});

/** The lines of a help reply that explain one command each. */
const commandLines = (reply: string) => reply.split('\n').filter((line) => line.startsWith('- `'));

describe('help on a topic', () => {
  it('explains the commands named for it, and only names those that merely mention it', async () => {
    const reply = replyText(await bot.say(ADMIN, 'help people'));
    const lines = commandLines(reply);
    // It listed 31 commands in full, about four phone screens, most about groups and alerts.
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const usage of ['person add', 'person remove', 'people', 'hand over', 'coach add', 'admin add', 'join <group>']) {
      expect(lines.some((line) => line.startsWith(`- \`${usage}`)), usage).toBe(true);
    }
    expect(lines.some((line) => line.startsWith('- `group add'))).toBe(false);
    // `add person` says the same as `person add`: it still works, but is not listed twice.
    expect(reply).not.toMatch(/`add person/);
    const also = reply.match(/^Also about people: (.*) \(`help all` explains every command\)\.$/m)?.[1];
    expect(also).toMatch(/`alerts`/);
    const named = also!.split(', ').map((name) => name.replace(/`/g, ''));
    expect(named).toEqual([...new Set(named)].sort());
  });

  it('does not count a placeholder in a command\'s usage as being about the topic', async () => {
    // `meeting move <date> to <date>` is about meeting dates, not children's dates.
    expect(replyText(await bot.say(ADMIN, 'help dates'))).not.toMatch(/`meeting move`/);
  });

  it('still finds a command by a word of its description when none is named for it', async () => {
    // No command is called "excel"; the exports say they are Excel files.
    const reply = replyText(await bot.say(ADMIN, 'help excel'));
    expect(commandLines(reply).length).toBeGreaterThan(0);
    expect(reply).not.toMatch(/Also about/);
  });

  it('names the topic in its heading, and keeps the role it was written for', async () => {
    // The heading said only "What you can do", whichever topic was asked for.
    expect(replyText(await bot.say(ADMIN, 'help people')).split('\n')[0]).toBe('*Help: people* — what you can do (admin)');
    expect(replyText(await bot.say(MEMBER, 'help dates')).split('\n')[0]).toBe('*Help: dates* — what you can do (member)');
    expect(replyText(await bot.say(MEMBER, 'help all')).split('\n')[0]).toBe('*Help: every command* — what you can do (member)');
    // Plain `help` is not about one topic: its heading stays as it was.
    expect(replyText(await bot.say(MEMBER, 'help')).split('\n')[0]).toBe('*What you can do* (member)');
  });

  it('lists joining and leaving under groups for a member', async () => {
    const lines = commandLines(replyText(await bot.say(MEMBER, 'help group')));
    expect(lines.some((line) => line.startsWith('- `join <group>`'))).toBe(true);
    expect(lines.some((line) => line.startsWith('- `leave <group>`'))).toBe(true);
  });
});

describe('help on one screen', () => {
  it('uses one kind of apostrophe: every command for an admin, straight throughout', async () => {
    const reply = replyText(await bot.say(ADMIN, 'help all'));
    expect(straightApostrophes(reply).length).toBeGreaterThan(3);
    // It had "your aim’s weeks" and "a group’s leads" beside "your group's aim" and "a child's dates".
    expect(curlyApostrophes(reply)).toEqual([]);
  });
});
