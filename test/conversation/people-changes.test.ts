import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COACH, LEAD, MEMBER, type TestBot, createTestBot, replyText } from '../helpers/test-bot.js';

let bot: TestBot;
const group = () => bot.db.collection('groups').findOne({ key: 'legal-processes' });
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "People PACE"');
  for (const user of [LEAD, COACH, MEMBER]) await bot.say(user, 'hello');
  await bot.say(ADMIN, 'group add "Legal processes" aim "Lodge applications sooner" target "12 weeks" by 2027-12-31');
  await bot.say(ADMIN, `group legal-processes lead ${LEAD.name}`);
  await bot.say(ADMIN, `group legal-processes member ${MEMBER.name}`);
});
afterAll(() => bot?.drop());

describe('people and groups change, audited, and say so', () => {
  it('a word the group command does not know says so instead of showing the card', async () => {
    const said = replyText(await bot.say(ADMIN, 'group legal-processes frobnicate Jamie'));
    expect(said).toMatch(/I can't do `group legal-processes frobnicate`/);
    expect(said).toMatch(/remove \[lead\|coach\|member\] @person/);
  });

  it('removes a member (a lead may), a lead (admins only), and lets people leave', async () => {
    expect(replyText(await bot.say(MEMBER, `group legal-processes remove ${LEAD.name}`))).toMatch(/Only an admin/);
    expect(replyText(await bot.say(LEAD, `group legal-processes remove ${MEMBER.name}`))).toMatch(/Mo Member is no longer in \*Legal processes\*/);
    expect((await group())!.members).not.toContain(MEMBER.id);
    expect(replyText(await bot.say(ADMIN, `group legal-processes remove lead ${LEAD.name}`))).toMatch(/no longer a lead of/);
    expect((await group())!.leads).toEqual([]);
    expect((await group())!.members).toContain(LEAD.id); // still a member: only the lead role went
    expect(replyText(await bot.say(LEAD, 'leave legal-processes'))).toMatch(/You have left \*Legal processes\*/);
    const actions = (await bot.db.collection('audit').find({ entity: 'group', entityId: 'legal-processes' }).toArray()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['remove_person', 'remove_lead', 'leave']));
  });

  it('renames and archives a group; an archived group leaves the measures and comes back on restore', async () => {
    expect(replyText(await bot.say(ADMIN, 'group legal-processes rename "Legal and court"'))).toMatch(/is now \*Legal and court\*/);
    // An aim the charts measure: 90% within 12 weeks of ADM decision to lodging.
    await bot.db.collection('groups').updateOne(
      { key: 'legal-processes' },
      { $set: { aim: { statement: 'Lodge applications sooner', target: '90% within 12 weeks', targetDate: '2027-12-31', measureKey: 'adm-decision-to-application-lodged' } } },
    );
    const measuresBefore = replyText(await bot.say(ADMIN, 'measures'));
    expect(replyText(await bot.say(ADMIN, 'group legal-processes archive'))).toMatch(/archived: it keeps its history/);
    expect((await group())!.archived).toBe(true);
    const measuresAfter = replyText(await bot.say(ADMIN, 'measures'));
    expect(measuresBefore).toMatch(/% within 12 weeks/);
    expect(measuresAfter).not.toMatch(/% within 12 weeks/);
    expect(replyText(await bot.say(ADMIN, 'group legal-processes restore'))).toMatch(/back in charts and digests/);
  });

  it('never removes the last admin', async () => {
    expect(replyText(await bot.say(ADMIN, `admin remove ${ADMIN.name}`))).toMatch(/the only admin/);
    await bot.say(ADMIN, `admin add ${COACH.name}`);
    expect(replyText(await bot.say(ADMIN, `admin remove ${COACH.name}`))).toMatch(/no longer an admin/);
  });
});
