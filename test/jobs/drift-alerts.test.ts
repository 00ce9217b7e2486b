import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifier } from '../../src/notify.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { ADMIN, LEAD, MEMBER, createTestBot, firstCard, replyText, type TestBot } from '../helpers/test-bot.js';
import { GROUP, NOTICES_WS, button, cardsFor, channelPosts, dmTo, record, setUpProgramme, shown, tick } from './notices-fixture.js';

let bot: TestBot;
let fake: FakeSlackApi;
let slack: Notifier;

// Both children were accommodated on Mon 4 May 2026: 26 weeks (182 days) later is Mon 2 Nov.
beforeAll(async () => {
  bot = await createTestBot({ workspaceId: NOTICES_WS });
  await setUpProgramme(bot, '2026-10-01T10:00:00Z');
  await record(bot, MEMBER, 'C1090 accommodated 4 May 2026');
  await record(bot, MEMBER, 'C1091 accommodated 4 May 2026');
  await record(bot, LEAD, 'C1092 accommodated 1 Sep 2026');
  fake = await FakeSlackApi.start();
  slack = fakeSlackNotifier(fake, bot.db);
}, 60_000);
afterAll(async () => {
  await fake.close();
  await bot.drop();
});

const auditOf = (caseRef: string, action: string) =>
  bot.db.collection('audit').find({ workspaceId: NOTICES_WS, entity: 'case', entityId: caseRef, action }).toArray();

describe('drift alerts', () => {
  it('wait until a child has passed the aim’s 26 weeks, and for a working morning', async () => {
    expect(await tick(bot, slack, '2026-11-02T09:30:00Z')).toBe(0); // exactly 26 weeks
    expect(await tick(bot, slack, '2026-11-03T08:59:00Z')).toBe(0); // 26 weeks and a day, before 09:00
    expect(dmTo(fake, LEAD)).toHaveLength(0);
  });

  it('tell the group’s lead privately: case, stage, time waiting and who recorded the last date', async () => {
    expect(await tick(bot, slack, '2026-11-03T09:00:00Z')).toBe(2);
    const said = shown(dmTo(fake, LEAD));
    expect(dmTo(fake, LEAD)).toHaveLength(2);
    expect(said).toMatch(/C1090 has waited 26 weeks 1 day for permanence recommendation/);
    expect(said).toMatch(/Accommodated on Mon 4 May 2026, no permanence recommendation yet/);
    // The days too: past the aim, never reading as the aim's own 26 weeks.
    expect(said).toMatch(/26 weeks 1 day since accommodation \(the aim: 26 weeks\)/);
    expect(said).toMatch(/Last date recorded by.*Mo Member/);
    expect(said).not.toMatch(/U-MEMBER/);
    expect(said).not.toMatch(/C1092/);
    expect(shown(channelPosts(fake))).not.toMatch(/C109\d/);
    expect(dmTo(fake, MEMBER)).toHaveLength(0);
  });

  it('are sent once per child and threshold, however often the job runs', async () => {
    expect(await tick(bot, slack, '2026-11-03T09:15:00Z')).toBe(0);
    expect(await tick(bot, slack, '2026-11-04T10:00:00Z')).toBe(0);
    expect(await tick(bot, slack, '2026-11-10T10:00:00Z')).toBe(0);
    expect(dmTo(fake, LEAD)).toHaveLength(2);
  });

  it('refuse a snooze reason that identifies someone, keeping nothing of it', async () => {
    const [alert] = await cardsFor(bot, LEAD);
    const snooze = button(alert!, 'alert_snooze');
    expect(firstForm(await bot.act(LEAD, snooze.action.verb, snooze.action.data))).toMatch(/Why is the wait expected/);
    const refused = await bot.act(LEAD, 'alert.snooze.save', snooze.action.data, { reason: 'waiting for court, born 03/04/2015', weeks: '4' });
    expect(JSON.stringify(refused)).toMatch(/looks like a date of birth/);
    expect(await auditOf('C1090', 'alert_snooze')).toHaveLength(0);
  });

  it('can be snoozed by the lead with a reason: audited, and quiet until the snooze ends', async () => {
    const [alert] = await cardsFor(bot, LEAD);
    const { data } = button(alert!, 'alert_snooze').action;
    const answer = replyText(await bot.act(LEAD, 'alert.snooze.save', data, { reason: 'awaiting court date', weeks: '4' }));
    expect(answer).toMatch(/Snoozed: I won’t mention C1090 again before 8 Dec 2026/);
    const [entry] = await auditOf('C1090', 'alert_snooze');
    expect(entry!.actor).toEqual({ userId: LEAD.id, name: LEAD.name });
    expect(entry!.after).toMatchObject({ status: 'snoozed', weeks: 4, reason: { category: 'court', text: 'awaiting court date' } });
    expect(await tick(bot, slack, '2026-11-17T09:00:00Z')).toBe(0);
    expect(await tick(bot, slack, '2026-12-07T09:00:00Z')).toBe(0);
    expect(dmTo(fake, LEAD).filter((c) => shown([c]).includes('C1090'))).toHaveLength(1);
    // Snooze over, child still waiting: told once more, and only once.
    expect(await tick(bot, slack, '2026-12-08T10:00:00Z')).toBe(1);
    expect(await tick(bot, slack, '2026-12-08T10:15:00Z')).toBe(0);
    expect(dmTo(fake, LEAD).filter((c) => shown([c]).includes('C1090'))).toHaveLength(2);
  });

  it('can be handed to a member, who then gets it privately; the lead is not told again', async () => {
    const alert = (await cardsFor(bot, LEAD)).find((c) => c.title.startsWith('C1091'))!;
    const hand = button(alert, 'alert_hand');
    expect(firstForm(await bot.act(LEAD, hand.action.verb, hand.action.data))).toMatch(/Who should follow it up/);
    bot.setNow('2026-12-08T11:00:00Z');
    const answer = replyText(await bot.act(LEAD, 'alert.hand.save', hand.action.data, { member: MEMBER.id }));
    expect(answer).toMatch(/Handed to Mo Member: they’ll get the alert for C1091 in a direct message/);
    expect((await auditOf('C1091', 'alert_hand'))[0]!.after).toMatchObject({ holderIds: [MEMBER.id] });
    const leadBefore = dmTo(fake, LEAD).length;
    await tick(bot, slack, '2026-12-08T11:01:00Z');
    expect(dmTo(fake, MEMBER)).toHaveLength(1);
    expect(shown(dmTo(fake, MEMBER))).toMatch(/C1091 has waited 31 weeks.*Lee Lead handed this to you/);
    expect(await tick(bot, slack, '2026-12-09T09:00:00Z')).toBe(0);
    expect(dmTo(fake, LEAD)).toHaveLength(leadBefore);
  });

  it('may be snoozed or handed only by whoever holds it, a lead of the group or an admin', async () => {
    const alert = (await cardsFor(bot, LEAD)).find((c) => c.title.startsWith('C1090'))!;
    const { data } = button(alert, 'alert_snooze').action;
    const other = { id: 'U-OTHER', name: 'Olly Other' };
    await bot.say(other, 'whoami');
    expect(replyText(await bot.act(other, 'alert.snooze.save', data, { reason: 'awaiting panel', weeks: '2' }))).toMatch(
      /Only the person this alert went to, a lead of its group or an admin/,
    );
    expect(replyText(await bot.act(LEAD, 'alert.snooze', data, {}, { kind: 'channel' }))).toMatch(/answer them in our direct messages/);
  });

  it('follow a group’s own alert time instead of its aim’s, set by its lead and audited', async () => {
    expect(replyText(await bot.say(MEMBER, `alerts ${GROUP} after 40 weeks`))).toMatch(/Only .*lead/);
    expect(replyText(await bot.say(LEAD, `alerts ${GROUP} after 40 weeks`))).toMatch(/more than 40 weeks/);
    const [entry] = await bot.db.collection('audit').find({ workspaceId: NOTICES_WS, entity: 'group', action: 'alert_threshold' }).toArray();
    expect(entry).toMatchObject({ entityId: GROUP, before: null, after: { weeks: 40 }, actor: { userId: LEAD.id } });
    expect(replyText(await bot.say(LEAD, 'alerts'))).toMatch(/more than 40 weeks from accommodation without permanence recommendation \(the group’s own setting\)/);
    // 40 weeks from 4 May is 8 Feb 2027: nothing before it passes, one alert per child after.
    expect(await tick(bot, slack, '2027-02-08T09:00:00Z')).toBe(0);
    const before = dmTo(fake, LEAD).length;
    expect(await tick(bot, slack, '2027-02-09T09:00:00Z')).toBe(2); // C1090 to the lead, C1091 to the lead again (a new threshold)
    expect(dmTo(fake, LEAD)).toHaveLength(before + 2);
    expect(shown(dmTo(fake, LEAD).slice(before))).toMatch(/the group’s alert time: 40 weeks/);
    expect(replyText(await bot.say(ADMIN, `alerts ${GROUP} sometime`))).toMatch(/Say how long, e.g. `alerts <group> after 30 weeks`/);
    expect(replyText(await bot.say(LEAD, `group ${GROUP} alert after 45 weeks`))).toMatch(/more than 45 weeks/);
    expect(replyText(await bot.say(LEAD, 'alerts'))).toMatch(/more than 45 weeks/);
  });

  it('stop once the child reaches the next milestone', async () => {
    bot.setNow('2027-02-10T10:00:00Z');
    await record(bot, MEMBER, 'C1090 permanence recommendation 10 Feb 2027');
    await tick(bot, slack, '2027-02-10T10:05:00Z');
    const open = await bot.db.collection('notices').find({ workspaceId: NOTICES_WS, kind: 'drift', caseRef: 'C1090', status: { $ne: 'closed' } }).toArray();
    expect(open).toHaveLength(0);
    expect(replyText(await bot.act(LEAD, 'alert.snooze', { notice: String((await bot.db.collection('notices').findOne({ caseRef: 'C1090', weeks: 40 }))!._id) }))).toMatch(
      /That alert is closed/,
    );
  });
});

describe('erasing a child', () => {
  it('deletes their alerts too, so nothing names them and nothing brings them back', async () => {
    const notices = () => bot.db.collection('notices').countDocuments({ workspaceId: NOTICES_WS, caseRef: 'C1091' });
    expect(await notices()).toBeGreaterThan(0);
    const asked = firstCard(await bot.say(ADMIN, 'case C1091 erase'));
    const erase = asked.buttons!.find((b) => b.id === 'erase')!;
    await bot.act(ADMIN, erase.action.verb, erase.action.data ?? {});
    expect(await notices()).toBe(0);
    expect(JSON.stringify(await bot.db.collection('notices').find({ workspaceId: NOTICES_WS }).toArray())).not.toMatch(/C1091/);
  });
});

function firstForm(replies: Awaited<ReturnType<TestBot['act']>>): string {
  const found = replies.find((r) => r.kind === 'form');
  if (!found || found.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(replies)}`);
  return JSON.stringify(found.card);
}
