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

describe('moving a meeting safely', () => {
  // Today is Sun 22 Nov 2026; meetings: 3 Dec, 16 Jan (moved from 14 Jan), 25 Feb skipped, 8 Apr, 20 May, 1 Jul.
  const overrides = async () =>
    (await bot.db.collection('programmes').findOne({ workspaceId: 'T-TEST' }))?.meeting?.overrides;

  it('refuses a day that has passed instead of moving the meeting a year ahead', async () => {
    const before = await overrides();
    expect(before).toHaveLength(2);
    expect(replyText(await bot.say(ADMIN, 'meeting move 3 Dec to 20 Nov'))).toMatch(
      /Fri 20 Nov 2026 has passed: a meeting can only move to today or a later day\. If you meant Sat 20 Nov 2027, say it with the year\./,
    );
    expect(replyText(await bot.say(ADMIN, 'meeting move 3 Dec to 20 Nov 2025'))).toMatch(/Thu 20 Nov 2025 has passed/);
    expect(await overrides()).toEqual(before);
  });

  it('refuses a day that already has a meeting', async () => {
    const before = await overrides();
    expect(replyText(await bot.say(ADMIN, 'meeting move 3 Dec to 16 Jan'))).toMatch(
      /already a champions' meeting on Sat 16 Jan 2027\. Pick another day, or skip one of them/,
    );
    expect(await overrides()).toEqual(before);
  });

  it('keeps the list of next meetings whole when one moves far ahead', async () => {
    expect(replyText(await bot.say(ADMIN, 'meeting move 3 Dec to 1 Dec 2027'))).toMatch(/now on Wed 1 Dec 2027/);
    const next = replyText(await bot.say(MEMBER, 'meeting next'));
    expect(next).toMatch(/Next champions' meeting:\* Sat 16 Jan 2027, 10:00 \(moved\)/);
    expect(next).toMatch(/Then: Thu 8 Apr 2027, 10:00; Thu 20 May 2027, 10:00; Thu 1 Jul 2027, 10:00$/m);
  });
});

describe('setting the cadence again', () => {
  it('says the next meeting and what it replaces, so a day gone by never moves a meeting silently', async () => {
    const fresh = await createTestBot({ now: '2026-12-06T12:00:00Z' });
    try {
      await fresh.say(ADMIN, 'setup programme "Again PACE"');
      const first = replyText(await fresh.say(ADMIN, 'meeting set every 6 weeks from 15 Dec 2026 10:00'));
      expect(first).toMatch(/The next meeting is Tue 15 Dec 2026, 10:00; its digest goes out before it\./);
      expect(first).not.toMatch(/This replaces/);
      await fresh.say(ADMIN, 'meeting skip 26 Jan 2027');
      // The help's old example: a start that has passed, over a cadence already set.
      const again = replyText(await fresh.say(ADMIN, 'meeting set every 6 weeks from 3 Dec 2026 10:00'));
      expect(again).toMatch(/every 6 weeks from Thu 3 Dec 2026 at 10:00/);
      expect(again).toMatch(/The next meeting is Thu 14 Jan 2027, 10:00/);
      expect(again).toMatch(/This replaces every 6 weeks from Tue 15 Dec 2026, with its moved and skipped meetings\./);
    } finally {
      await fresh.drop();
    }
  });

  it('gives examples without a year, which always read forwards to a day to come', async () => {
    const fresh = await createTestBot({ now: '2026-12-06T12:00:00Z' });
    try {
      await fresh.say(ADMIN, 'setup programme "Example PACE"');
      expect(replyText(await fresh.say(MEMBER, 'meeting next'))).toMatch(/`meeting set every 6 weeks from 14 Jan 10:00`/);
      // …and the example works as it is.
      expect(replyText(await fresh.say(ADMIN, 'meeting set every 6 weeks from 14 Jan 10:00'))).toMatch(/The next meeting is Thu 14 Jan 2027, 10:00/);
    } finally {
      await fresh.drop();
    }
  });
});
