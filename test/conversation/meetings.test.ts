import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-22T12:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Northshire PACE"');
  await bot.say(MEMBER, 'hello');
});
afterAll(async () => {
  await bot.drop();
});

describe("champions' meetings by conversation", () => {
  it('says there are no dates yet and how to set them', async () => {
    expect(replyText(await bot.say(MEMBER, 'meeting next'))).toMatch(/meeting set every 6 weeks from/);
  });

  it('refuses a member changing the cadence', async () => {
    expect(replyText(await bot.say(MEMBER, 'meeting set every 6 weeks from 3 Dec 2026 10:00'))).toMatch(/Only an admin or a lead/);
  });

  it('sets a six-weekly cadence and shows the next meeting and its digest time', async () => {
    expect(replyText(await bot.say(ADMIN, 'meeting set every 6 weeks from 3 Dec 2026 10:00'))).toMatch(/every 6 weeks from Thu 3 Dec 2026 at 10:00/);
    const next = replyText(await bot.say(MEMBER, 'meeting next'));
    expect(next).toMatch(/Next champions' meeting:\* Thu 3 Dec 2026, 10:00/);
    expect(next).toMatch(/Digest: Tue 1 Dec 2026, 09:00/);
    expect(next).toMatch(/Thu 14 Jan 2027, 10:00/);
  });

  it('moves one meeting by a plain sentence without breaking the cadence, audited', async () => {
    expect(replyText(await bot.say(ADMIN, 'move the 14 Jan meeting to 16 Jan'))).toMatch(/Thu 14 Jan 2027 meeting is now on Sat 16 Jan 2027/);
    const next = replyText(await bot.say(MEMBER, 'meeting next'));
    expect(next).toMatch(/Sat 16 Jan 2027, 10:00.*Thu 25 Feb 2027/s);
    const audit = await bot.db.collection('audit').findOne({ entity: 'meeting', action: 'move_meeting' });
    expect(audit?.after).toMatchObject({ overrides: [{ from: '2027-01-14', to: '2027-01-16' }] });
  });

  it('skips a meeting', async () => {
    await bot.say(ADMIN, 'meeting skip 25 Feb');
    expect(replyText(await bot.say(MEMBER, 'meeting next'))).not.toMatch(/25 Feb/);
  });

  it('refuses moving a meeting that does not exist, naming how to see the dates', async () => {
    expect(replyText(await bot.say(ADMIN, 'meeting move 15 Jan to 16 Jan'))).toMatch(/no champions' meeting on Fri 15 Jan 2027.*meeting next/);
  });

  it('sets the digest timing', async () => {
    expect(replyText(await bot.say(ADMIN, 'meeting digest 3 working days before at 08:30'))).toMatch(/3 working days before each meeting at 08:30/);
    expect(replyText(await bot.say(MEMBER, 'meeting next'))).toMatch(/Digest: Mon 30 Nov 2026, 08:30/);
  });
});
