import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReplies } from '../../adapters/web/render-replies.js';
import type { Reply } from '../../src/conversation/turn.js';
import { ADMIN, MEMBER, type TestBot, createTestBot } from '../helpers/test-bot.js';
import { PLANTED } from '../helpers/planted-markup.js';
import { recordAndConfirm } from './milestones-helpers.js';

/**
 * Words people typed that the bot says back — a team's name, a milestone's name, in a reply or in
 * the message that refuses them — are shown as typed: a markdown link in them never becomes a
 * link in the bot's voice. Read as the local chat renders them.
 */
const LINK = PLANTED.markdownLink; // [Click me](https://evil.example/x)
const html = (replies: Reply[]) => renderReplies(replies).map((r) => r.html).join('\n');

function expectNoLink(replies: Reply[]): void {
  const shown = html(replies);
  expect(shown).not.toMatch(/href="[^"]*evil/i);
  expect(shown).toContain('Click me');
}

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Echo PACE"');
  await recordAndConfirm(bot, 'C7101 accommodated 1 Jan 2026');
});
afterAll(() => bot?.drop());

describe('a team’s name said back', () => {
  it('stays text when a list is asked for a team nobody is in', async () => {
    expectNoLink(await bot.say(ADMIN, `overdue team ${LINK}`));
  });

  it('stays text in the list of teams and in the heading of a team’s list', async () => {
    await bot.say(MEMBER, `C7101 team ${LINK}`);
    expect((await bot.db.collection('cases').findOne({ caseRef: 'C7101' }))?.team).toBe(LINK);
    expectNoLink(await bot.say(ADMIN, 'overdue team South'));
    expectNoLink(await bot.say(MEMBER, `my cases team ${LINK}`));
    expectNoLink(await bot.say(ADMIN, `my cases team ${LINK}`));
  });
});

describe('a milestone’s name said back', () => {
  it('stays text when no milestone has that name', async () => {
    expectNoLink(await bot.say(ADMIN, `milestone retire "${LINK}"`));
  });

  it('stays text when the name is taken, in both the name asked for and the one it means', async () => {
    await bot.say(ADMIN, `milestone add "${LINK}"`);
    expectNoLink(await bot.say(ADMIN, `milestone add "sibling check" also "${LINK}"`));
    await bot.say(ADMIN, `milestone retire "${LINK}"`);
    expectNoLink(await bot.say(ADMIN, `milestone rename "${LINK}" to "anything else"`));
  });

  it('stays text in the warning on the “Check before I save” card', async () => {
    await bot.say(ADMIN, `milestone rename "accommodated" to "Accommodated ${LINK}"`);
    await recordAndConfirm(bot, 'C7102 accommodated 3 Oct 2026');
    await recordAndConfirm(bot, 'C7102 72 hour planning meeting 3 Oct 2026');
    const asked = await bot.say(MEMBER, 'C7102 first LAC review 3 Oct 2026');
    expect(html(asked)).toMatch(/3 stages on/);
    expectNoLink(asked);
  });
  it('stays text in the list of milestones, a member’s cases and a chart’s note on a retired milestone', async () => {
    // Accommodated is called "Accommodated [Click me](…)" since the test before.
    expectNoLink(await bot.say(MEMBER, 'milestones'));
    expectNoLink(await bot.say(MEMBER, 'my cases'));
    await recordAndConfirm(bot, 'C7101 permanence recommendation 1 Jun 2026');
    await bot.say(ADMIN, `milestone rename "permanence recommendation" to "Recommended ${LINK}"`);
    await bot.say(ADMIN, 'milestone retire "permanence recommendation"');
    const chart = await bot.say(MEMBER, 'chart acc-rec');
    expect(html(chart)).toMatch(/retired/);
    expectNoLink(chart);
  });
});
