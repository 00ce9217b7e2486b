import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/turn.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { ADMIN, MEMBER, type TestBot, type TestUser, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { milestonesOf, pendingOf } from './milestones-helpers.js';

// A case written at version 0 with dates already on it: how the demo loader wrote every demo case,
// and how any workspace loaded before the fix still holds them. A new date on it, undone, must take
// back that date only: version 0 does not mean "there was no case before".

type Dates = Record<string, { actual?: string; planned?: string }>;
const C1124: Dates = {
  accommodated: { actual: '2026-03-13' },
  planning_meeting_72h: { actual: '2026-03-14' },
  first_lac_review: { actual: '2026-03-24' },
  legal_advice: { actual: '2026-09-01' },
  permanence_recommendation: { actual: '2026-10-20' },
  permanence_panel: { planned: '2026-12-10' },
};

async function storeAtVersionZero(bot: TestBot, workspaceId: string, caseRef: string, milestones: Dates) {
  const now = new Date('2026-06-01T09:00:00Z');
  await workspaceStore(bot.db, workspaceId).cases.insertOne({ caseRef, milestones, version: 0, createdAt: now, updatedAt: now });
}

async function pressButton(bot: TestBot, user: TestUser, replies: Reply[], id: string, workspaceId?: string) {
  const button = firstCard(replies).buttons!.find((b) => b.id === id || b.label === id);
  if (!button) throw new Error(`no ${id} button on ${firstCard(replies).title}`);
  return bot.act(user, button.action.verb, button.action.data ?? {}, {}, workspaceId ? { workspaceId } : {});
}

describe('undo of one date on a case stored at version 0', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await createTestBot({ now: '2026-12-06T10:00:00Z' });
    await bot.say(ADMIN, 'setup programme "Northvale PACE"');
  });
  afterAll(async () => bot?.drop());

  it('takes back only the new date, puts the plan back, and history names only that date', async () => {
    await storeAtVersionZero(bot, 'T-TEST', 'C1124', C1124);
    const asked = await bot.say(MEMBER, 'permanance panel for C1124 was yesterday');
    await bot.act(MEMBER, 'milestone.confirm', { pending: pendingOf(asked) });
    expect((await milestonesOf(bot, 'C1124'))?.permanence_panel).toEqual({ actual: '2026-12-05' });

    const card = await bot.say(MEMBER, 'undo');
    expect(firstCard(card).title).toBe('Undo your last change to C1124?');
    const said = replyText(card);
    expect(said).toMatch(/The change: Permanence panel Sat 5 Dec 2026/);
    expect(said).not.toMatch(/Accommodated|72-hour|Legal advice/);

    expect(replyText(await pressButton(bot, MEMBER, card, 'undo'))).toMatch(/Undone your change on \*C1124\*/);
    expect(await milestonesOf(bot, 'C1124')).toEqual(C1124);
    expect(replyText(await bot.say(MEMBER, 'case C1124'))).not.toMatch(/No milestone dates held/);

    const history = replyText(await bot.say(MEMBER, 'case C1124 history'));
    expect(history).toMatch(/Mo Member recorded: Permanence panel Sat 5 Dec 2026$/);
    expect(history).not.toMatch(/Accommodated|Legal advice|First LAC review/);
  });

  it('a case whose team was named before any date still starts its journey with its first date', async () => {
    await bot.say(MEMBER, 'C1130 team North');
    const asked = await bot.say(MEMBER, 'C1130 accommodated 3 Oct');
    await bot.act(MEMBER, 'milestone.confirm', { pending: pendingOf(asked) });
    expect(replyText(await bot.say(MEMBER, 'case C1130 history'))).toMatch(/Mo Member recorded: Accommodated Sat 3 Oct 2026/);
    await pressButton(bot, MEMBER, await bot.say(MEMBER, 'undo'), 'undo');
    expect(await milestonesOf(bot, 'C1130')).toEqual({});
    expect((await bot.db.collection('cases').findOne({ caseRef: 'C1130' }))?.team).toBe('North');
  });
});

describe('a tracker import over a case stored at version 0', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await createTestBot({ now: '2026-12-06T10:00:00Z' });
    await bot.say(ADMIN, 'setup programme "Northvale PACE"');
  });
  afterAll(async () => bot?.drop());

  it('is audited as the change it made, and taking it back does not call the case one it started', async () => {
    const before: Dates = { accommodated: { actual: '2025-02-03' }, first_lac_review: { actual: '2025-02-20' } };
    await storeAtVersionZero(bot, 'T-TEST', 'C2201', before);
    const file = { name: 'tracker.csv', data: Buffer.from('Case ref,Accommodated,First LAC review\nC2201,03/02/2025,27/02/2025\n', 'utf8') };
    await pressButton(bot, ADMIN, await bot.send(ADMIN, [file]), 'confirm');

    const history = replyText(await bot.say(ADMIN, 'case C2201 history'));
    expect(history).toMatch(/imported \(import #1, by Alex Admin\): First LAC review Thu 20 Feb 2025 → Thu 27 Feb 2025/);
    expect(history).not.toMatch(/Accommodated/);

    const card = await bot.say(ADMIN, 'import undo 1');
    expect(replyText(card)).toMatch(/1 case goe?s? back to the dates it had before it\./);
    expect(replyText(card)).not.toMatch(/this import started/);
    await pressButton(bot, ADMIN, card, 'Undo import #1');
    expect(await milestonesOf(bot, 'C2201')).toEqual(before);
  });
});

describe('a demo member recording on a demo case', () => {
  const DEMO = 'T-DEMO-UNDO';
  const JAMIE: TestUser = { id: 'demo-member', name: 'Jamie Munro' };
  let bot: TestBot;
  beforeAll(async () => {
    bot = await createTestBot({ now: '2026-12-06T10:00:00Z', workspaceId: DEMO });
    await loadDemo(bot.db, DEMO, { now: new Date('2026-12-06T10:00:00Z') });
  });
  afterAll(async () => bot?.drop());

  it('undo takes back only the date just recorded', async () => {
    // A child early in the journey: dates held, no legal advice yet.
    const held = await bot.db
      .collection('cases')
      .findOne({ workspaceId: DEMO, 'milestones.accommodated.actual': { $lt: '2026-11-01' }, 'milestones.first_lac_review': { $exists: true }, 'milestones.legal_advice': { $exists: false } });
    expect(held).not.toBeNull();
    const caseRef = held!.caseRef as string;
    const dates = await milestonesOf(bot, caseRef, DEMO);
    const asked = await bot.say(JAMIE, `${caseRef} legal advice 1 Dec`);
    await bot.act(JAMIE, 'milestone.confirm', { pending: pendingOf(asked) });
    expect((await milestonesOf(bot, caseRef, DEMO))?.legal_advice).toEqual({ actual: '2026-12-01' });

    const card = await bot.say(JAMIE, 'undo');
    expect(replyText(card)).not.toMatch(/Accommodated/);
    await pressButton(bot, JAMIE, card, 'undo');
    expect(await milestonesOf(bot, caseRef, DEMO)).toEqual(dates);
    expect(replyText(await bot.say(JAMIE, `case ${caseRef} history`))).not.toMatch(/Accommodated/);
  });
});
