import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultChartSize } from '../../src/charts/chart-size.js';
import { journeyChart } from '../../src/programme/cases/journey-chart.js';
import { DEFAULT_MILESTONE_CATALOGUE } from '../../src/domain/milestone-catalogue.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { ADMIN, COACH, MEMBER, replyText, type TestBot } from '../helpers/test-bot.js';
import {
  imageOf,
  pngSize,
  shiftCases,
  startMeasuresBot,
  textOf,
  waitingCases,
} from './measures-seed.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startMeasuresBot([...shiftCases(), ...waitingCases()]);
});
afterAll(() => bot.drop());

describe('measures', () => {
  it('lists the six default measures with their latest values, naming the rule set once', async () => {
    const list = replyText(await bot.say(MEMBER, 'measures'));
    const lines = list.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(6);
    expect(list.match(/IHI/g)).toHaveLength(1);
    // The last child to be recommended, C2024, took 20 + 23 % 3 = 22 weeks (154 days). With 24
    // children the measure shows an I chart: the slow half above its limits, the fast half below.
    expect(lines[0]).toMatch(
      /Accommodation to permanence recommendation.*latest child 22 weeks \(C2024, 24 November 2025\); I chart, child by child: 12 points above the upper limit \(worse\), 12 points below the lower limit \(better\), long run below the mean \(better\), too few crossings/,
    );
    // First LAC reviews: W3002 after 3 weeks, then W3001 after 2 weeks (15 Oct 2026), too few to judge.
    expect(list).toMatch(
      /Accommodation to first LAC review.*latest child 2 weeks \(W3001, 15 October 2026\); child by child, too early for the rules \(2 points above or below the median line; they need 10\)/,
    );
    expect(lines.filter((l) => l.includes('no data yet'))).toHaveLength(4);
  });
});

describe('chart', () => {
  it('draws a run chart by loose name when asked for one, with the shift in words under the named rule set', async () => {
    // 24 children: a per-child measure gets a control chart by default (see below); "run" asks for the run chart.
    const replies = await bot.say(MEMBER, 'chart accommodation to recommendation run');
    const chart = imageOf(replies);
    expect(pngSize(chart.png)).toEqual({
      width: defaultChartSize.width * defaultChartSize.pixelRatio,
      height: defaultChartSize.height * defaultChartSize.pixelRatio,
    });
    expect(chart.alt).toMatch(/IHI/);
    expect(chart.alt).toMatch(/Median 31 weeks/);
    expect(chart.alt).toMatch(/12 points in a row below the median — a shift/);
    const words = textOf(replies);
    expect(words).toMatch(
      /^\*Accommodation to permanence recommendation\*: IHI rules: 12 points in a row below the median — a shift/,
    );
    expect(words).toMatch(/looks like an improvement/);
    // The three children still waiting are not short intervals: they are named as not counted.
    expect(words).toMatch(
      /24 children reached permanence recommendation \(last 24 months\).*3 children are still waiting/,
    );
  });

  it('finds the same measure by abbreviation and by key, and refuses an unknown one', async () => {
    expect(imageOf(await bot.say(MEMBER, 'chart acc-rec')).alt).toMatch(/24 points/);
    expect(
      imageOf(await bot.say(MEMBER, 'chart accommodated-to-permanence-recommendation')).alt,
    ).toMatch(/24 points/);
    expect(replyText(await bot.say(MEMBER, 'chart time to panel'))).toMatch(
      /No data yet for Permanence recommendation to panel/,
    );
    expect(replyText(await bot.say(MEMBER, 'chart bananas'))).toMatch(
      /I don't know a measure called "bananas"/,
    );
  });

  it('takes a period and the monthly view', async () => {
    const since = imageOf(await bot.say(MEMBER, 'chart acc-rec since Jul 2025'));
    // Children 14 to 24 were recommended from 7 July 2025 on (6 Jan + 14 × 13 days).
    expect(since.alt).toMatch(/11 points/);
    const monthly = await bot.say(MEMBER, 'chart acc-rec 2025 monthly');
    expect(imageOf(monthly).alt).toMatch(
      /median weeks per month.*January 2025 to December 2025: 11 points, 1 missing/i,
    );
    expect(textOf(monthly)).toMatch(/Each month shows the median/);
  });

  it('marks tests of change linked to the measure at their start', async () => {
    const at = new Date('2025-05-01T09:00:00Z');
    await bot.db.collection('pdsa_cycles').insertOne({
      workspaceId: 'T-TEST',
      number: 7,
      title: 'Legal advice before recommendation',
      changeIdea: 'Legal advice early',
      groupKey: 'permanence-milestones',
      ownerId: COACH.id,
      ownerName: COACH.name,
      stage: 'do',
      plan: { objective: 'Try it', prediction: 'Faster' },
      rampPosition: 1,
      linkedMeasures: ['accommodated-to-permanence-recommendation'],
      startedOn: '2025-06-20',
      notes: [],
      stageDates: {},
      createdAt: at,
      updatedAt: at,
    });
    // C2013 is the first child recommended on or after 20 June 2025 (23 June).
    expect(imageOf(await bot.say(MEMBER, 'chart acc-rec')).alt).toMatch(
      /Tests of change marked on the chart: T-7 Legal advice before recommendation[\s\S]*Tests of change: T-7 \(from 23 June 2025\)/,
    );
  });

  it("marks only linked tests, at their date, and lists those from before the chart's first point", async () => {
    const cycle = (number: number, title: string, startedOn: string, linkedMeasures: string[]) => ({
      workspaceId: 'T-TEST',
      number,
      title,
      changeIdea: title,
      groupKey: 'permanence-milestones',
      ownerId: COACH.id,
      ownerName: COACH.name,
      stage: 'do',
      plan: { objective: 'Try it', prediction: 'Faster' },
      rampPosition: 1,
      linkedMeasures,
      startedOn,
      notes: [],
      stageDates: {},
      createdAt: new Date('2025-03-01T09:00:00Z'),
      updatedAt: new Date('2025-03-01T09:00:00Z'),
    });
    await bot.db.collection('pdsa_cycles').insertMany([
      cycle(8, 'Panel dates booked early', '2025-08-01', []),
      cycle(9, 'Weekly drift huddle', '2025-03-01', ['accommodated-to-permanence-recommendation']),
    ]);
    // The group's unlinked T-8 is not this measure's, even when the group is named.
    const whole = imageOf(await bot.say(MEMBER, 'chart acc-rec permanence-milestones')).alt;
    expect(whole).not.toMatch(/T-8/);
    // C2005 (3 March 2025) is the first child on or after T-9's start.
    expect(whole).toMatch(/Tests of change marked on the chart: T-9 Weekly drift huddle \(from [^)]*\); T-7 /);
    expect(whole).toMatch(/Tests of change: T-9 \(from 3 March 2025\); T-7 /);
    // From July 2025 (first point C2014, 7 July) T-9 and T-7 began earlier: listed, not drawn on C2014.
    const replies = await bot.say(MEMBER, 'chart acc-rec since Jul 2025');
    expect(imageOf(replies).alt).not.toMatch(/Tests of change:/);
    expect(textOf(replies)).toMatch(
      /Started before the first point shown, so not marked: T-9 Weekly drift huddle \(from 1 March 2025\); T-7 Legal advice before recommendation \(from 20 June 2025\)\./,
    );
    await bot.db.collection('pdsa_cycles').deleteMany({ number: { $in: [8, 9] } });
  });

  it('names the Anhøj rules when the programme uses them', async () => {
    await bot.say(ADMIN, 'setup programme "Northshire PACE" rules anhoej');
    const replies = await bot.say(MEMBER, 'show me the run chart of acc-rec');
    expect(imageOf(replies).alt).toMatch(/Anhøj/);
    expect(textOf(replies)).toMatch(
      /Anhøj rules: 12 points in a row below the median \(more than 8 is unusual\) — a shift/,
    );
    expect(replyText(await bot.say(MEMBER, 'measures'))).toMatch(/run-chart rules: Anhøj/);
    await bot.say(ADMIN, 'setup programme "Northshire PACE" rules ihi');
  });
});

describe('chart waiting', () => {
  it('counts children who started a stage and have not finished it, by weeks waited', async () => {
    const replies = await bot.say(COACH, 'chart waiting accommodation to recommendation');
    expect(pngSize(imageOf(replies).png).width).toBeGreaterThan(0);
    // 7, 37 and 76 weeks as of 19 Nov 2026; W3002's planned recommendation does not count as reached.
    expect(textOf(replies)).toMatch(
      /3 waiting \(1 under 13 weeks, 1 26–52 weeks, 1 52 weeks or more\)\. Longest waits: W3003, W3002, W3001/,
    );
    expect(imageOf(replies).alt).toMatch(/3 children waiting/);
  });

  it('shows members the counts but not who is waiting', async () => {
    const words = textOf(await bot.say(MEMBER, 'chart waiting acc-rec'));
    expect(words).toMatch(/3 waiting/);
    expect(words).not.toMatch(/W3003/);
  });
});

describe('aim measures and journeys', () => {
  it('gives an aim of N% within a time its own proportion measure, counting overdue waits as missed', async () => {
    await bot.db.collection('groups').updateOne(
      { workspaceId: 'T-TEST', key: 'permanence-milestones' },
      {
        $set: {
          'aim.measureKey': 'accommodated-to-permanence-recommendation',
          'aim.target': '95% within 40 weeks',
        },
      },
    );
    const list = replyText(await bot.say(MEMBER, 'measures permanence-milestones'));
    expect(list).toMatch(/Measures of Permanence milestones/);
    expect(list).toMatch(/Accommodation to permanence recommendation.*latest child 22 weeks/);
    // Deadlines (accommodated + 40 weeks) in March 2026, the latest month with any: C2022 (16 Mar),
    // C2023 (23 Mar) and C2024 (30 Mar) were recommended in time; W3003 (9 Mar) is still waiting, so
    // missed: 3 of 4.
    expect(list).toMatch(
      /% within 40 weeks: Accommodation to permanence recommendation\* `permanence-milestones-within-40-weeks`: latest 75% \(3 of 4, March 2026\)/,
    );
  });

  it("draws one child's journey for the case helper", async () => {
    const chart = await journeyChart(
      workspaceStore(bot.db, 'T-TEST'),
      'W3002',
      DEFAULT_MILESTONE_CATALOGUE,
      '2026-11-19',
    );
    expect(pngSize(chart.png).width).toBeGreaterThan(0);
    expect(chart.alt).toMatch(/Accommodated.*First LAC review.*Permanence recommendation/);
    await expect(
      journeyChart(workspaceStore(bot.db, 'T-OTHER'), 'W3002', DEFAULT_MILESTONE_CATALOGUE),
    ).rejects.toThrow(/no case W3002/);
  });
});
