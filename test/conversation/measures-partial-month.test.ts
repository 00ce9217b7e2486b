import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER, replyText, type TestBot } from '../helpers/test-bot.js';
import { imageOf, startMeasuresBot, textOf } from './measures-seed.js';

/**
 * Today is 19 November 2026. One child a month from January to October had a first LAC review two
 * weeks after being accommodated; C5011, accommodated on 1 November, has had none yet, so their
 * 2-week deadline (15 November) has passed unmet: November so far reads 0 %.
 */
function reviewCases() {
  const months = Array.from({ length: 10 }, (_, i) => String(i + 1).padStart(2, '0'));
  return [
    ...months.map((mm, i) => ({
      caseRef: `C${5001 + i}`,
      milestones: {
        accommodated: { actual: `2026-${mm}-01` },
        first_lac_review: { actual: `2026-${mm}-${i % 2 ? '10' : '20'}` },
      },
    })),
    { caseRef: 'C5011', milestones: { accommodated: { actual: '2026-11-01' } } },
  ];
}

let bot: TestBot;
beforeAll(async () => {
  bot = await startMeasuresBot(reviewCases());
  await bot.db.collection('groups').updateOne(
    { workspaceId: 'T-TEST', key: 'permanence-milestones' },
    { $set: { 'aim.measureKey': 'accommodated-to-first-lac-review', 'aim.target': '95% within 2 weeks' } },
  );
});
afterAll(() => bot.drop());

describe('the month in progress', () => {
  it('is left out of a % within target chart, and the reply says why', async () => {
    const replies = await bot.say(MEMBER, 'chart permanence-milestones-within-2-weeks');
    // The last 24 months end with October 2026, a whole month; not November at 0 %.
    expect(imageOf(replies).alt).toMatch(/December 2024 to October 2026: 10 points, 13 missing\./);
    expect(textOf(replies)).toMatch(/November 2026 is left out until it is over/);
    expect(replyText(await bot.say(MEMBER, 'measures'))).toMatch(
      // C5010 was reviewed on 10 October, 9 days after being accommodated.
      /% within 2 weeks: Accommodation to first LAC review.*latest 100% \(\d+ of \d+, October 2026\)/,
    );
  });

  it('is left out of monthly medians too, but not of the per-child view', async () => {
    const monthly = await bot.say(MEMBER, 'chart accommodated-to-first-lac-review monthly');
    expect(imageOf(monthly).alt).toMatch(/December 2024 to October 2026: 10 points/);
    expect(textOf(monthly)).toMatch(/November 2026 is left out until it is over/);
    const perChild = await bot.say(MEMBER, 'chart accommodated-to-first-lac-review');
    expect(textOf(perChild)).not.toMatch(/left out until it is over/);
  });
});
