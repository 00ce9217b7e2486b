import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';

/**
 * A tracker none of whose rows can be imported is not "nothing new": nothing of it is held. The
 * preview says the rows were refused, and keeps "already held" for a file that really is all held.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Northvale PACE"');
});
afterAll(async () => bot?.drop());

const csv = (text: string, name: string) => ({ name, data: Buffer.from(text, 'utf8') });
const shown = async (file: { name: string; data: Buffer }) => {
  const card = firstCard(await bot.send(ADMIN, [file]));
  return { card, text: replyText([{ kind: 'card', card }]) };
};

describe('an import whose every row is refused', () => {
  it('says nothing could be imported because the rows were refused, not that every date is held', async () => {
    const { card, text } = await shown(csv('Case ref,Accommodated\n20417,03/10/2025\nC2002,31/02/2025\n', 'all-refused.csv'));
    expect(card.title).toBe('Nothing to import from all-refused.csv');
    expect(text).toMatch(/Nothing could be imported: every row was refused — see why below/);
    expect(text).toMatch(/Rows not imported \(2\)/);
    expect(text).toMatch(/Correct them in the file and send it again\./);
    expect(text).toMatch(/For a row or two, you can instead tell me their dates in a message/);
    expect(text).not.toMatch(/is already held|rows already imported/);
    expect(card.buttons?.some((b) => b.id === 'confirm')).toBe(false);
  });

  it('a file whose dates are all held keeps its wording, and one with held and refused rows says both', async () => {
    const held = csv('Case ref,Accommodated\nC3001,03/10/2025\n', 'held.csv');
    const first = firstCard(await bot.send(ADMIN, [held]));
    const confirm = first.buttons!.find((b) => b.id === 'confirm')!.action;
    await bot.act(ADMIN, confirm.verb, confirm.data ?? {});
    const again = await shown(held);
    expect(again.card.title).toBe('Nothing new in held.csv');
    expect(again.text).toMatch(/Nothing new: every date in held\.csv is already held, so there is nothing to confirm\./);

    const mixed = await shown(csv('Case ref,Accommodated\nC3001,03/10/2025\n20417,03/10/2025\n', 'mixed.csv'));
    expect(mixed.card.title).toBe('Nothing new in mixed.csv');
    expect(mixed.text).toMatch(/Nothing new: every date of the rows I could read is already held, and the other rows were refused — see why below\./);
    expect(mixed.text).toMatch(/Correct them in the file and send it again: dates already held stay as they are\./);
    expect(mixed.text).not.toMatch(/rows already imported/);
  });
});
