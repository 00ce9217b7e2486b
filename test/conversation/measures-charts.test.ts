import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultChartSize } from '../../src/charts/chart-size.js';
import type { Reply } from '../../src/conversation/turn.js';
import { ADMIN, COACH, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { insertCases, pngSize, setUpProgramme, shiftCases, waitingCases } from './measures-seed.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await setUpProgramme(bot);
  await insertCases(bot.db, 'T-TEST', [...shiftCases(), ...waitingCases()]);
});
afterAll(async () => {
  await bot.drop();
});

function image(replies: Reply[]) {
  const found = replies.find((r) => r.kind === 'image');
  if (!found || found.kind !== 'image') throw new Error(`expected an image, got: ${replyText(replies)}`);
  return found;
}
const texts = (replies: Reply[]) => replies.filter((r) => r.kind === 'text').map((r) => (r.kind === 'text' ? r.text : '')).join('\n');

describe('measures', () => {
  it('lists the six default measures with their latest values, naming the rule set once', async () => {
    const list = replyText(await bot.say(MEMBER, 'measures'));
    const lines = list.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(6);
    expect(list.match(/IHI/g)).toHaveLength(1);
    // The last child to be recommended, C2024, took 20 + 23 % 3 = 22 weeks (154 days).
    expect(lines[0]).toMatch(/Accommodation to permanence recommendation.*latest 22 weeks \(C2024, 24 November 2025\); shift below the median \(better\), too few runs/);
    // First LAC reviews: W3002 after 3 weeks, then W3001 after 2 weeks (15 Oct 2026), too few to judge.
    expect(list).toMatch(/Accommodation to first LAC review.*latest 2 weeks \(W3001, 15 October 2026\); too early for the rules \(2 useful points of 10\)/);
    expect(lines.filter((l) => l.includes('no data yet'))).toHaveLength(4);
  });
});

describe('chart', () => {
  it('draws a run chart by loose name, with the shift in words under the named rule set', async () => {
    const replies = await bot.say(MEMBER, 'chart accommodation to recommendation');
    const chart = image(replies);
    expect(pngSize(chart.png)).toEqual({
      width: defaultChartSize.width * defaultChartSize.pixelRatio,
      height: defaultChartSize.height * defaultChartSize.pixelRatio,
    });
    expect(chart.alt).toMatch(/IHI/);
    expect(chart.alt).toMatch(/Median 31 weeks/);
    expect(chart.alt).toMatch(/12 points in a row below the median — a shift/);
    const words = texts(replies);
    expect(words).toMatch(/^\*Accommodation to permanence recommendation\*: IHI rules: 12 points in a row below the median — a shift/);
    expect(words).toMatch(/looks like an improvement/);
    // The three children still waiting are not short intervals: they are named as not counted.
    expect(words).toMatch(/24 children reached permanence recommendation \(last 24 months\).*3 children are still waiting/);
  });

  it('finds the same measure by abbreviation and by key, and refuses an unknown one', async () => {
    expect(image(await bot.say(MEMBER, 'chart acc-rec')).alt).toMatch(/24 points/);
    expect(image(await bot.say(MEMBER, 'chart accommodated-to-permanence-recommendation')).alt).toMatch(/24 points/);
    expect(replyText(await bot.say(MEMBER, 'chart time to panel'))).toMatch(/No data yet for Permanence recommendation to panel/);
    expect(replyText(await bot.say(MEMBER, 'chart bananas'))).toMatch(/I don't know a measure called "bananas"/);
  });

  it('takes a period and the monthly view', async () => {
    const since = image(await bot.say(MEMBER, 'chart acc-rec since Jul 2025'));
    // Children 14 to 24 were recommended from 7 July 2025 on (6 Jan + 14 × 13 days).
    expect(since.alt).toMatch(/11 points/);
    const monthly = await bot.say(MEMBER, 'chart acc-rec 2025 monthly');
    expect(image(monthly).alt).toMatch(/median weeks per month.*January 2025 to December 2025: 11 points, 1 missing/i);
    expect(texts(monthly)).toMatch(/Each month shows the median/);
  });

  it('marks tests of change linked to the measure at their start', async () => {
    const at = new Date('2025-05-01T09:00:00Z');
    await bot.db.collection('pdsa_cycles').insertOne({
      workspaceId: 'T-TEST', number: 7, title: 'Legal advice before recommendation', changeIdea: 'Legal advice early', groupKey: 'permanence-milestones',
      ownerId: COACH.id, ownerName: COACH.name, stage: 'do', plan: { objective: 'Try it', prediction: 'Faster' }, rampPosition: 1,
      linkedMeasures: ['accommodated-to-permanence-recommendation'], startedOn: '2025-06-20', notes: [], stageDates: {}, createdAt: at, updatedAt: at,
    });
    // C2013 is the first child recommended on or after 20 June 2025 (23 June).
    expect(image(await bot.say(MEMBER, 'chart acc-rec')).alt).toMatch(/Tests of change: T-7 Legal advice before recommendation \(from C2013\)/);
  });

  it('names the Anhøj rules when the programme uses them', async () => {
    await bot.say(ADMIN, 'setup programme "Northshire PACE" rules anhoej');
    const replies = await bot.say(MEMBER, 'chart acc-rec');
    expect(image(replies).alt).toMatch(/Anhøj/);
    expect(texts(replies)).toMatch(/Anhøj rules: 12 points in a row below the median \(more than 8 is unusual\) — a shift/);
    expect(replyText(await bot.say(MEMBER, 'measures'))).toMatch(/run-chart rules: Anhøj/);
    await bot.say(ADMIN, 'setup programme "Northshire PACE" rules ihi');
  });
});

describe('chart waiting', () => {
  it('counts children who started a stage and have not finished it, by weeks waited', async () => {
    const replies = await bot.say(COACH, 'chart waiting accommodation to recommendation');
    expect(pngSize(image(replies).png).width).toBeGreaterThan(0);
    // 7, 37 and 76 weeks as of 19 Nov 2026; W3002's planned recommendation does not count as reached.
    expect(texts(replies)).toMatch(/3 waiting \(1 under 13 weeks, 1 26–52 weeks, 1 52 weeks or more\)\. Longest waits: W3003, W3002, W3001/);
    expect(image(replies).alt).toMatch(/3 children waiting/);
  });

  it('shows members the counts but not who is waiting', async () => {
    const words = texts(await bot.say(MEMBER, 'chart waiting acc-rec'));
    expect(words).toMatch(/3 waiting/);
    expect(words).not.toMatch(/W3003/);
  });
});
