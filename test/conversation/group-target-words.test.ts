import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';

let bot: TestBot;
const aimOf = async (key: string) => (await bot.db.collection('groups').findOne({ key }))?.aim;

beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Words PACE"');
});
afterAll(() => bot?.drop());

describe('an aim’s target date in words', () => {
  it('reads "by December 2027" (unquoted) as the month’s last day and shows it back in words', async () => {
    const said = replyText(await bot.say(ADMIN, 'group add "Permanence" aim "Recommend permanence sooner" target "28 weeks" by December 2027'));
    expect(said).toMatch(/Aim group \*Permanence\* created/);
    expect(await aimOf('permanence')).toMatchObject({ target: '28 weeks', targetDate: '2027-12-31' });
    const card = firstCard(await bot.say(ADMIN, 'group permanence'));
    expect(card.facts).toContainEqual({ label: 'Target', value: '28 weeks by December 2027' });
  });

  it('reads "end of 2027", "31 Mar 2027" and dates typed in the form', async () => {
    await bot.say(ADMIN, 'group add "Legal" aim "Lodge applications sooner" target "12 weeks" by end of 2027');
    expect((await aimOf('legal'))!.targetDate).toBe('2027-12-31');
    await bot.say(ADMIN, 'group add "Health" aim "Health assessments sooner" target "4 weeks" by 31 Mar 2027');
    expect((await aimOf('health'))!.targetDate).toBe('2027-03-31');
    await bot.act(ADMIN, 'setup.group.save', {}, { name: 'Education', aimStatement: 'School places sooner', aimTarget: '2 weeks', aimTargetDate: 'June 2027' });
    expect((await aimOf('education'))!.targetDate).toBe('2027-06-30');
  });

  it('refuses a target date it cannot read, or a day that does not exist, saving nothing', async () => {
    expect(replyText(await bot.say(ADMIN, 'group add "Courts" aim "Fewer adjournments please" target "50%" by someday'))).toMatch(/couldn’t read the target date: say it like “December 2027”/);
    expect(replyText(await bot.say(ADMIN, 'group add "Courts" aim "Fewer adjournments please" target "50%" by 31 June 2027'))).toMatch(/couldn’t read the target date/);
    expect(await bot.db.collection('groups').countDocuments({ key: 'courts' })).toBe(0);
  });
});
