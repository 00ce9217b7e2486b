import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/model.js';
import { ADMIN, LEAD, MEMBER, type TestBot, type TestUser, firstCard, replyText } from '../helpers/test-bot.js';
import { startPermanenceBot } from './case-lists-seed.js';
import { pressButton } from '../helpers/press-button.js';

// The admin who imported the area's tracker asked `my cases` and was told "You have not recorded
// dates for any child yet", as if the area held nothing (a try-out). Imported children are held by
// no one until someone records for them: the reply says so, how a case becomes yours, and, to those
// who may use them, which lists show the area's children.
const TRACKER = {
  name: 'tracker.csv',
  data: Buffer.from(
    'Case ref,Accommodated,First LAC review\nN3001,03/02/2025,20/02/2025\nN3002,04/02/2025,21/02/2025\nN3003,05/02/2025,\n',
    'utf8',
  ),
};

let bot: TestBot;

const press = (user: TestUser, card: Card, id: string) => pressButton(bot, user, card, id);

beforeAll(async () => {
  bot = await startPermanenceBot('Moving in');
  await bot.say(MEMBER, 'hello');
  await press(ADMIN, firstCard(await bot.send(ADMIN, [TRACKER])), 'confirm');
});
afterAll(() => bot?.drop());

describe('my cases when you hold none', () => {
  it('the importing admin: how a case becomes theirs, in the area’s own reference shape, and where the 3 imported children are', async () => {
    const said = replyText(await bot.say(ADMIN, 'my cases'));
    expect(said).not.toMatch(/not recorded dates for any child/);
    expect(said).toContain('You hold no cases yet.');
    expect(said).toMatch(/record one of its dates \(e\.g\. `N\d{4} /);
    expect(said).not.toContain('C1042');
    expect(said).toContain('The area holds 3 children');
    // The stage most of them stand at now, so the list it points to names someone.
    expect(said).toContain('For where they stand: `waiting at first LAC review` (2 children are at that stage now), or `overdue` for those past the aim.');
  });

  it('a lead is pointed to the same lists, and the one it names lists those children', async () => {
    // A lead's `waiting at` covers their groups' children and those in none: the count is of those.
    expect(replyText(await bot.say(LEAD, 'my cases'))).toContain('3 children are in your groups or in none.');
    const listed = replyText(await bot.say(LEAD, 'waiting at first LAC review'));
    expect(listed).toContain('- N3001:');
    expect(listed).toContain('- N3002:');
  });

  it('a member is not offered lists they may not use', async () => {
    const said = replyText(await bot.say(MEMBER, 'my cases'));
    expect(said).toContain('You hold no cases yet.');
    expect(said).not.toContain('overdue');
    expect(said).not.toContain('waiting at');
  });
});
