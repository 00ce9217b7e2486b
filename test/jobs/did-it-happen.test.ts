import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifier } from '../../src/notify.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { LEAD, MEMBER, createTestBot, firstCard, replyText, type TestBot } from '../helpers/test-bot.js';
import { GROUP, NOTICES_WS, button, cardsFor, channelPosts, dmTo, record, setUpProgramme, shown, tick } from './notices-fixture.js';

let bot: TestBot;
let fake: FakeSlackApi;
let slack: Notifier;

// Four permanence panels booked by Mo Member for Fri 18 Dec 2026; the day after is a Saturday, so
// the question comes on Mon 21 Dec at 09:00.
const PLANS = ['C2001', 'C2002', 'C2003', 'C2004'];

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: NOTICES_WS });
  await setUpProgramme(bot, '2026-12-01T10:00:00Z');
  for (const ref of PLANS) {
    await record(bot, MEMBER, `${ref} accommodated 1 Sep 2026`);
    await record(bot, MEMBER, `${ref} permanence recommendation 30 Nov 2026`);
    await record(bot, MEMBER, `permanence panel for ${ref} booked for 18 Dec`);
  }
  // The children belong to the aim group (as a tracker's group column would say), so its lead
  // answers for their panel dates, which lie beyond the span of the group's aim.
  await bot.db.collection('cases').updateMany({ workspaceId: NOTICES_WS }, { $set: { groupKey: GROUP } });
  fake = await FakeSlackApi.start();
  slack = fakeSlackNotifier(fake, bot.db);
}, 60_000);
afterAll(async () => {
  await fake.close();
  await bot.drop();
});

const questionFor = async (ref: string) => (await cardsFor(bot, MEMBER)).find((c) => c.title.startsWith(`${ref}'s`))!;
const milestonesOf = async (ref: string) => (await bot.db.collection('cases').findOne({ workspaceId: NOTICES_WS, caseRef: ref }))!.milestones;

/** Presses Confirm on the "Check before I save" card an answer produced. */
async function confirm(replies: Awaited<ReturnType<TestBot['act']>>) {
  const card = firstCard(replies);
  expect(card.title).toBe('Check before I save');
  const ok = card.buttons!.find((b) => b.id === 'confirm')!;
  return bot.act(MEMBER, ok.action.verb, ok.action.data ?? {});
}

describe('"did it happen?"', () => {
  it('waits for the day after the plan, on a working morning', async () => {
    expect(await tick(bot, slack, '2026-12-18T10:00:00Z')).toBe(0); // the day itself
    expect(await tick(bot, slack, '2026-12-19T10:00:00Z')).toBe(0); // Saturday
    expect(await tick(bot, slack, '2026-12-21T08:59:00Z')).toBe(0); // Monday, before 09:00
    expect(dmTo(fake, MEMBER)).toHaveLength(0);
  });

  it('asks the person who recorded the plan, privately, once per plan; the lead is not told yet', async () => {
    expect(await tick(bot, slack, '2026-12-21T09:00:00Z')).toBe(4);
    const said = shown(dmTo(fake, MEMBER));
    expect(said).toMatch(/C2001's permanence panel was planned for Fri 18 Dec — did it happen\?/);
    expect(said).toMatch(/Yes, on that day.*Yes, on another day….*Moved to…/);
    expect(dmTo(fake, LEAD)).toHaveLength(0);
    expect(shown(channelPosts(fake))).not.toMatch(/C200\d/);
    expect(await tick(bot, slack, '2026-12-21T09:15:00Z')).toBe(0);
    expect(await tick(bot, slack, '2026-12-22T09:00:00Z')).toBe(0);
    expect(dmTo(fake, MEMBER)).toHaveLength(4);
  });

  it('"Yes, on that day" records the planned date as the day it happened, after the usual check', async () => {
    bot.setNow('2026-12-22T10:00:00Z');
    const yes = button(await questionFor('C2001'), 'happened_yes');
    const card = firstCard(await bot.act(MEMBER, yes.action.verb, yes.action.data));
    expect(JSON.stringify(card)).toMatch(/Plan met.*was planned for Fri 18 Dec 2026 → happened Fri 18 Dec 2026/);
    await confirm(await bot.act(MEMBER, yes.action.verb, yes.action.data));
    expect((await milestonesOf('C2001')).permanence_panel).toEqual({ actual: '2026-12-18' });
    const audit = await bot.db.collection('audit').find({ workspaceId: NOTICES_WS, entityId: 'C2001', action: 'record' }).sort({ at: -1 }).limit(1).toArray();
    expect(audit[0]!.actor.userId).toBe(MEMBER.id);
    expect(replyText(await bot.act(MEMBER, yes.action.verb, yes.action.data))).toMatch(/That plan has been answered already/);
  });

  it('"Yes, on another day…" opens the date form; the date is checked like a sentence, then confirmed', async () => {
    const other = button(await questionFor('C2002'), 'happened_other');
    const opened = await bot.act(MEMBER, other.action.verb, other.action.data);
    expect(opened[0]!.kind).toBe('form');
    const submit = (date: string) => bot.act(MEMBER, 'happened.other.save', other.action.data, { date });
    expect(JSON.stringify(await submit('2026-12-28'))).toMatch(/That date is in the future/);
    expect(JSON.stringify(await submit('2026-11-29'))).toMatch(/before the permanence recommendation|permanence recommendation/);
    await confirm(await submit('2026-12-17'));
    expect((await milestonesOf('C2002')).permanence_panel).toEqual({ actual: '2026-12-17' });
  });

  it('"Moved to…" records the new plan, which is asked about in its turn', async () => {
    const moved = button(await questionFor('C2003'), 'happened_moved');
    expect((await bot.act(MEMBER, moved.action.verb, moved.action.data))[0]!.kind).toBe('form');
    const submit = (date: string) => bot.act(MEMBER, 'happened.moved.save', moved.action.data, { date });
    expect(JSON.stringify(await submit('2026-12-20'))).toMatch(/A planned date must be after today/);
    const card = firstCard(await submit('2027-01-08'));
    expect(JSON.stringify(card)).toMatch(/New plan.*was planned for Fri 18 Dec 2026 → now Fri 8 Jan 2027/);
    await confirm(await submit('2027-01-08'));
    expect((await milestonesOf('C2003')).permanence_panel).toEqual({ planned: '2027-01-08' });
  });

  it('goes to the group’s lead in the leads’ reminder when unanswered for a week, saying who was asked', async () => {
    expect(await tick(bot, slack, '2026-12-25T09:00:00Z')).toBe(0);
    expect(dmTo(fake, LEAD)).toHaveLength(0);
    await tick(bot, slack, '2026-12-28T09:00:00Z');
    const toLead = shown(dmTo(fake, LEAD));
    expect(dmTo(fake, LEAD)).toHaveLength(1);
    expect(toLead).toMatch(/Planned dates that passed/);
    expect(toLead).toMatch(/C2004.*permanence panel planned for 18 Dec 2026, no date since \(asked Mo Member on 21 Dec, no answer yet\)/);
    expect(toLead).not.toMatch(/C200[123]/);
    expect(dmTo(fake, MEMBER)).toHaveLength(4);
  });

  it('asks again about a moved plan once its new date has passed', async () => {
    expect(await tick(bot, slack, '2027-01-11T09:00:00Z')).toBeGreaterThanOrEqual(1);
    expect(shown(dmTo(fake, MEMBER).slice(4))).toMatch(/C2003's permanence panel was planned for Fri 8 Jan — did it happen\?/);
  });
});
