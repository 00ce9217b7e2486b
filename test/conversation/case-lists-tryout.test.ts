import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aimWeeks } from '../../src/programme/measures/aim-weeks.js';
import { driftThresholds } from '../../src/programme/alerts/drift-thresholds.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { ADMIN, LEAD, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';

// Problems a new user met trying the case lists: an aim written "12 weeks", small counts in a
// channel, a dateless case after a hand-over, and headings that read like code.
let bot: TestBot;
const CHANNEL = { kind: 'channel' as const };
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Try-out PACE"');
  for (const user of [LEAD, MEMBER]) await bot.say(user, 'hello');
  await bot.say(ADMIN, 'group add "Permanence" aim "Recommend sooner" target "12 weeks" by December 2027');
  await bot.say(ADMIN, `group permanence lead ${LEAD.name}`);
  await bot.db.collection('groups').updateOne(
    { key: 'permanence' },
    { $set: { 'aim.measureKey': 'accommodated-to-permanence-recommendation' } },
  );
  await recordAndConfirm(bot, 'C4101 accommodated 1 Jan 2026');
  await recordAndConfirm(bot, 'C4102 accommodated 1 Nov 2026');
  await recordAndConfirm(bot, 'C4103 accommodated 1 Oct 2026');
  await recordAndConfirm(bot, 'C4103 first LAC review 10 Nov 2026');
  // A case whose only date was taken away again: it has no dates at all.
  await recordAndConfirm(bot, 'C1050 accommodated 2 Nov 2026');
  await bot.db.collection('cases').updateOne({ caseRef: 'C1050' }, { $set: { milestones: {} } });
});
afterAll(() => bot?.drop());

describe('one reading of an aim’s weeks', () => {
  it('reads "12 weeks" and "90% within 26 weeks" alike, and nothing from a target without weeks', () => {
    const aim = (target: string) => ({ aim: { statement: 's', target, targetDate: '2027-12-31' } });
    expect(aimWeeks(aim('12 weeks'))).toBe(12);
    expect(aimWeeks(aim('90% within 26 weeks'))).toBe(26);
    expect(aimWeeks(aim('within 1 week'))).toBe(1);
    expect(aimWeeks(aim('halve the wait by 2027'))).toBeNull();
    expect(aimWeeks({})).toBeNull();
  });

  it('overdue and alerts both use 12 weeks for a target of "12 weeks"', async () => {
    const overdue = replyText(await bot.say(LEAD, 'overdue'));
    expect(overdue).not.toMatch(/nothing can be overdue/);
    expect(overdue).toMatch(/Accommodation to permanence recommendation\* \(aim: within 12 weeks\): 1 past 12 weeks/);
    expect(overdue).toMatch(/- C4101: 46 weeks/);
    const store = workspaceStore(bot.db, 'T-TEST');
    const [rule] = await driftThresholds(store, new Date('2026-11-19T10:00:00Z'));
    expect(rule).toMatchObject({ weeks: 12, source: 'aim' });
  });
});

describe('small counts in a channel', () => {
  it('waiting at and overdue say "fewer than 5", never the exact small number', async () => {
    const waiting = replyText(await bot.say(LEAD, 'waiting at first LAC review', CHANNEL));
    expect(waiting).toMatch(/Waiting at first LAC review\*: fewer than 5/);
    expect(waiting).not.toMatch(/: 1\b/);
    const overdue = replyText(await bot.say(LEAD, 'overdue', CHANNEL));
    expect(overdue).toMatch(/fewer than 5 past 12 weeks/);
    expect(overdue).not.toMatch(/\b1 past/);
  });

  it('chart waiting in a channel gives no small counts and keeps the bar chart for a direct message', async () => {
    const replies = await bot.say(LEAD, 'chart waiting', CHANNEL);
    const said = replyText(replies);
    expect(said).toMatch(/fewer than 5 waiting/);
    expect(said).not.toMatch(/\b[1-4] waiting|\b[1-4] under|\b[1-4] \d+ weeks/);
    expect(replies.some((r) => r.kind === 'image')).toBe(false);
    expect(said).toMatch(/bar chart/);
    const direct = await bot.say(LEAD, 'chart waiting');
    expect(direct.some((r) => r.kind === 'image')).toBe(true);
    expect(replyText(direct)).toMatch(/\b3 waiting/);
  });
});

describe('my cases and hand-over', () => {
  it('a case with no dates is neither listed nor handed over; recent dates read in days', async () => {
    const mine = replyText(await bot.say(MEMBER, 'my cases'));
    expect(mine).not.toMatch(/C1050/);
    expect(mine).toMatch(/Your cases\* \(3\)/);
    expect(mine).toMatch(/C4103: first LAC review 9 days ago/);
    expect(mine).toMatch(/C4102: accommodated 2 weeks ago/);
    expect(mine).toMatch(/C4101: accommodated 46 weeks ago/);
    const asked = firstCard(await bot.say(ADMIN, `hand over ${MEMBER.name} to ${LEAD.name}`));
    expect(replyText([{ kind: 'card', card: asked }])).toMatch(/Open cases: 3/);
  });
});

describe('wording', () => {
  it('nobody waiting reads as a sentence, and overdue headings name the stage and the aim', async () => {
    expect(replyText(await bot.say(LEAD, 'waiting at permanence panel'))).toMatch(/Nobody stands at permanence panel now/);
    expect(replyText(await bot.say(LEAD, 'waiting at permanence panel', CHANNEL))).toMatch(/Nobody stands at permanence panel now/);
    await bot.db.collection('groups').updateOne({ key: 'permanence' }, { $set: { 'aim.target': '90% within 60 weeks' } });
    const overdue = replyText(await bot.say(LEAD, 'overdue'));
    expect(overdue).toMatch(/\*Accommodation to permanence recommendation\* \(aim: within 60 weeks\): nobody past 60 weeks without permanence recommendation/);
    expect(overdue).not.toMatch(/% within/);
  });
});
