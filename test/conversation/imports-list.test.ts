import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/model.js';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { pressButton } from '../helpers/press-button.js';

// `imports` answered "Did you mean import?", and nothing listed an area's imports with what became
// of each: a cancelled preview had used up #1, and the admin could not see why theirs was #2
// (phone try-out).
const csv = (text: string, name: string) => ({ name, data: Buffer.from(text, 'utf8') });
let bot: TestBot;

const press = (card: Card, id: string) => pressButton(bot, ADMIN, card, id);

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: 'T-IMPORTS', now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Northvale PACE"');
});
afterAll(() => bot?.drop());

describe('imports', () => {
  it('with none: how to import', async () => {
    expect(replyText(await bot.say(ADMIN, 'imports'))).toMatch(/^No tracker has been imported yet\. Send your tracker as an Excel/);
  });

  it('lists each import, newest first, with what became of it', async () => {
    await press(firstCard(await bot.send(ADMIN, [csv('Case ref,Accommodated\nN3001,03/02/2025\n', 'first try.csv')])), 'cancel');
    await press(firstCard(await bot.send(ADMIN, [csv('Case ref,Accommodated\nN3001,03/02/2025\n', 'tracker.csv')])), 'confirm');
    await bot.send(ADMIN, [csv('Case ref,Accommodated\nN3002,04/02/2025\n', 'more.csv')]);
    expect(replyText(await bot.say(ADMIN, 'imports'))).toBe(
      [
        '*Imports* (3), newest first:',
        '- #3 more.csv: a preview waiting for Confirm or Cancel, 19 November 2026, Alex Admin',
        '- #2 tracker.csv: confirmed 19 November 2026, Alex Admin',
        '- #1 first try.csv: cancelled at its preview, 19 November 2026, Alex Admin',
        '`import undo <number>` takes a confirmed one back.',
      ].join('\n'),
    );
  });

  it('is for admins, in a direct message', async () => {
    expect(replyText(await bot.say(MEMBER, 'imports'))).toMatch(/admin/i);
    expect(replyText(await bot.say(ADMIN, 'imports', { kind: 'channel' }))).toMatch(/direct message/);
  });
});
