import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, LEAD, MEMBER, replyText, type TestBot } from '../helpers/test-bot.js';
import { imageOf, shiftCases, startMeasuresBot, textOf } from './measures-seed.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startMeasuresBot(shiftCases());
});
afterAll(() => bot.drop());

const MONTHS = Array.from({ length: 20 }, (_, i) => {
  const month = i % 12;
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month]} ${2025 + Math.floor(i / 12)}`;
});

describe('a per-child measure with 20 points or more', () => {
  it('gets an I chart by default, naming the type and the rules and explaining the signal in plain words', async () => {
    const replies = await bot.say(MEMBER, 'chart acc-rec');
    const alt = imageOf(replies).alt;
    expect(alt).toMatch(/^I chart \(a control chart\) of weeks per child \(weeks\)/);
    expect(alt).toMatch(/Mean 31 weeks\./);
    expect(alt).toMatch(/Control limits at 3 sigma/);
    const words = textOf(replies);
    // On a phone the verdict comes first, then each sentence on a line of its own.
    const [verdict, signal, coverage] = words.split('\n');
    expect(verdict).toBe('*Accommodation to permanence recommendation*: [Variation: special cause, improvement]');
    expect(signal).toMatch(/^I chart \(a control chart: mean 31 weeks, limits at 3 sigma, runs judged by the Anhøj rules\)/);
    expect(signal).not.toMatch(/\[Variation/);
    expect(coverage).toMatch(/^24 children reached permanence recommendation \(last 24 months\)/);
    // The first 12 children (40–42 weeks) sit above the limits made from the small child-to-child
    // differences, the last 12 (20–22 weeks) below them: the process changed.
    expect(words).toMatch(
      /12 children below the lower limit \(the latest child reached the stage 24 November 2025\): something unusual happened for those children, unusually good/,
    );
    expect(words).toMatch(/12 children in a row below the mean \(more than 8 is unusual\) — a shift/);
    expect(words).toMatch(/\[Variation: special cause, improvement\]/);
    // These words may go to a channel: children are named by date, never by case reference.
    expect(words.split('\n')[0]).not.toMatch(/C20\d\d/);
  });

  it('keeps the run chart while a window holds fewer than 20 points', async () => {
    const replies = await bot.say(MEMBER, 'chart acc-rec since Jul 2025');
    expect(imageOf(replies).alt).toMatch(/^Run chart of/);
    expect(textOf(replies)).toMatch(/IHI rules/);
  });

  it('lets a lead choose the run chart, with a reason, audited; and go back to the default', async () => {
    expect(replyText(await bot.say(MEMBER, 'measure acc-rec chart run "we read run charts"'))).toMatch(
      /Only a lead, a coach or an admin/,
    );
    const set = replyText(await bot.say(LEAD, 'measure acc-rec chart run "the team reads run charts"'));
    expect(set).toMatch(/It now always shows a run chart/);
    expect(set).toMatch(/Now: IHI rules: 12 points in a row below the median — a shift/);
    expect(imageOf(await bot.say(MEMBER, 'chart acc-rec')).alt).toMatch(/^Run chart of/);
    const audit = await bot.db.collection('audit').findOne({ entity: 'measure', action: 'chart_run' });
    expect(audit?.after).toMatchObject({ chart: { kind: 'run', reason: 'the team reads run charts' } });
    expect(replyText(await bot.say(LEAD, 'measure acc-rec chart bananas "x y z"'))).toMatch(
      /Say which chart: `chart run`, `chart control`, or `chart auto`/,
    );
    expect(replyText(await bot.say(LEAD, 'measure acc-rec chart auto "back to the default"'))).toMatch(
      /chosen automatically again/,
    );
    expect(imageOf(await bot.say(MEMBER, 'chart acc-rec')).alt).toMatch(/^I chart/);
  });
});

describe('a share recorded as "17 of 20"', () => {
  it('is stored with its counts and charted as a P chart from 20 months on', async () => {
    await bot.say(LEAD, 'measure new "Seen within 10 days" unit % better up target 80 group permanence-milestones monthly');
    const first = replyText(await bot.say(MEMBER, 'measure record seen within 10 days Jan 2025 17 of 20'));
    expect(first).toMatch(/Recorded: \*Seen within 10 days\* for January 2025 = 85% \(17 of 20\)/);
    const stored = await bot.db.collection('data_points').findOne({ measureKey: 'seen-within-10-days', period: '2025-01' });
    expect(stored).toMatchObject({ value: 85, numerator: 17, denominator: 20 });

    // A run chart until there are 20 months.
    expect(imageOf(await bot.say(MEMBER, 'chart seen within 10 days')).alt).toMatch(/^Run chart/);

    // Months 2–20: 16 to 19 of 20, except October 2025 when only 5 of 20 children were seen in time.
    const seen = [18, 16, 19, 17, 18, 16, 17, 19, 5, 18, 17, 16, 19, 18, 17, 16, 18, 19, 17];
    for (const [i, count] of seen.entries()) {
      await bot.say(MEMBER, `seen within 10 days for ${MONTHS[i + 1]} was ${count} out of 20`);
    }
    expect(await bot.db.collection('data_points').countDocuments({ measureKey: 'seen-within-10-days', denominator: 20 })).toBe(20);

    const replies = await bot.say(MEMBER, 'chart seen within 10 days');
    expect(imageOf(replies).alt).toMatch(/^P chart \(a control chart\) of seen within 10 days \(%\), January 2025 to August 2026: 20 points\./);
    const words = textOf(replies);
    // The pooled share: 337 seen in time of 400 children.
    expect(words).toMatch(/P chart \(a control chart: mean 84\.3%, limits at 3 sigma, runs judged by the Anhøj rules\)/);
    expect(words).toMatch(
      /one month below the lower limit \(October 2025\): something unusual happened that month, unusually poor/,
    );
    // One unusual month is not a shift: no "has fallen" sentence, but Making Data Count's concern.
    expect(words).not.toMatch(/has fallen/);
    expect(words).toMatch(/\[Variation: special cause, concern\]/);
    // The target of 80% lies between the limits: some months will meet it and some will not.
    expect(words).toMatch(/\[Target: hit and miss/);
  });

  it('refuses a share that cannot be right, and saves nothing', async () => {
    const before = await bot.db.collection('data_points').countDocuments();
    expect(replyText(await bot.say(MEMBER, 'measure record seen within 10 days Sep 2026 21 of 20'))).toMatch(
      /"21 of 20" can't be right: the first number is the part/,
    );
    expect(replyText(await bot.say(MEMBER, 'measure record seen within 10 days Sep 2026 3 of 0'))).toMatch(
      /has nothing to be a share of/,
    );
    expect(await bot.db.collection('data_points').countDocuments()).toBe(before);
  });
});

describe('the digest', () => {
  it('names the chart type, the rules and the Making Data Count badges, described in the legend', async () => {
    await bot.say(ADMIN, 'meeting set every 6 weeks from 3 Dec 2026 10:00');
    const words = replyText(await bot.say(ADMIN, 'digest preview', { kind: 'channel' }));
    expect(words).toMatch(/control charts \(I, C, P\) with 3-sigma limits and the Anhøj rules/);
    expect(words).toMatch(/NHS Making Data Count: \[Variation\] is special cause \(improvement or concern\) or common cause/);
    expect(words).toMatch(
      /\*Seen within 10 days\*: P chart \(a control chart: mean 84\.3%.*\[Variation: special cause, concern\] \[Target: hit and miss/,
    );
  });
});

describe('a custom count', () => {
  it('is charted as a C chart from 20 months on', async () => {
    await bot.say(LEAD, 'measure new "Complaints" unit complaints better down monthly');
    const counts = [3, 5, 2, 4, 6, 3, 4, 2, 5, 3, 4, 17, 3, 2, 4, 5, 3, 4, 2, 3];
    for (const [i, count] of counts.entries()) {
      await bot.say(MEMBER, `measure record complaints ${MONTHS[i]} ${count}`);
    }
    const replies = await bot.say(MEMBER, 'chart complaints');
    expect(imageOf(replies).alt).toMatch(/^C chart \(a control chart\)/);
    expect(textOf(replies)).toMatch(
      /C chart \(a control chart: mean 4\.2 complaints.*one month above the upper limit \(December 2025\): something unusual happened that month, unusually poor/,
    );
  });
});

describe('changing a share recorded as "17 of 20"', () => {
  const january = () =>
    bot.db.collection('data_points').findOne({ measureKey: 'seen-within-10-days', period: '2025-01' });

  it('asks before overwriting, shows both counts, and keeps the new ones', async () => {
    const asked = replyText(await bot.say(MEMBER, 'measure record seen within 10 days Jan 2025 18 of 20'));
    expect(asked).toMatch(/Overwrite 85% \(17 of 20\) with 90% \(18 of 20\), or keep 85% \(17 of 20\)\?/);
    expect(replyText(await bot.say(MEMBER, 'overwrite'))).toMatch(
      /Overwritten: \*Seen within 10 days\* for January 2025 is now 90% \(18 of 20\) \(was 85% \(17 of 20\)\)/,
    );
    expect(await january()).toMatchObject({ value: 90, numerator: 18, denominator: 20 });
  });

  it('drops the counts when a bare percentage replaces them, so the P chart does not use stale ones', async () => {
    await bot.say(MEMBER, 'measure record seen within 10 days Jan 2025 95%');
    await bot.say(MEMBER, 'overwrite');
    const stored = await january();
    expect(stored?.value).toBe(95);
    expect(stored).not.toHaveProperty('numerator');
    expect(stored).not.toHaveProperty('denominator');
    const audit = await bot.db
      .collection('audit')
      .find({ entity: 'data_point', entityId: 'seen-within-10-days:2025-01', action: 'overwrite' })
      .sort({ at: 1, _id: 1 })
      .toArray();
    expect(audit.map((a) => a.after)).toEqual([{ value: 90, numerator: 18, denominator: 20 }, { value: 95 }]);
  });
});

describe('a baseline on a control chart', () => {
  it('fixes the mean and limits, and a window that starts after the baseline keeps them', async () => {
    const set = replyText(await bot.say(LEAD, 'measure acc-rec baseline 12 "Before legal advice was sought early"'));
    // The first 12 children took 40, 41, 42 weeks (repeated): mean 41.
    expect(set).toMatch(/Baseline set: the mean and limits now come from the first 12 points \(to C2012\)/);
    expect(set).toMatch(/Now: I chart \(a control chart: mean 41 weeks/);
    expect(set).toMatch(/12 children below the lower limit/);

    // From June 2025 only C2012 (42 weeks) of the baseline is in view, then the 12 fast children.
    // Worked from the window alone, the mean would be 42 and there would be no range for limits;
    // the chart keeps the baseline's mean of 41 and its limits.
    const replies = await bot.say(MEMBER, 'chart acc-rec since Jun 2025 control');
    const words = textOf(replies);
    expect(words).toMatch(/I chart \(a control chart: mean 41 weeks/);
    expect(words).toMatch(/13 children reached permanence recommendation \(since June 2025\)/);
    expect(words).toMatch(/12 children below the lower limit/);
    expect(words).toMatch(/Baseline: mean and limits from the first 12 points \(to C2012\)/);
    expect(imageOf(replies).alt).toMatch(/Mean 41 weeks from the baseline/);
  });
});
