import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/turn.js';
import { LEAD, MEMBER, replyText } from '../helpers/test-bot.js';
import { imageOf, insertCases, textOf } from './measures-seed.js';
import { planCycle, planValues, useProgrammeBot } from './pdsa-scenario.js';

/**
 * A measure with a long history, charted for the last 12 months only (phone try-out on the demo):
 * the centre line and limits come from the lead's baseline, but every count the words give, every
 * point the chart marks and every point a proposal names must be those of the points drawn.
 */
const bot = useProgrammeBot({ now: '2026-11-19T10:00:00Z' });
const KEY = 'accommodated-to-permanence-recommendation';

const day = (i: number) => DateTime.fromISO('2025-01-06', { zone: 'utc' }).plus({ days: 7 * i }).toISODate()!;

/**
 * 90 children, one recommended each week from 6 Jan 2025 (child 47 on 1 Dec 2025, the first in
 * the window; child 89 on 21 Sep 2026). Weeks taken:
 * - 0–19, the baseline: 38 and 42 in turn (mean and median 40, every moving range 4: limits 29.4–50.6);
 * - 20–50: 34, a run of 31 below the mean, 27 of them before the window;
 * - 51–60: 46, a run of 10 above it (window points 5–14);
 * - 61–89: 34 and 46 in turn.
 * In the window (43 points): 4 below, 10 above, then 29 alternating: 31 runs, 30 crossings,
 * longest run 10 (above). Nothing is outside the limits.
 */
function weeks(i: number): number {
  if (i < 20) return i % 2 === 0 ? 38 : 42;
  if (i <= 50) return 34;
  if (i <= 60) return 46;
  return (i - 61) % 2 === 0 ? 34 : 46;
}

const cases = Array.from({ length: 90 }, (_, i) => ({
  caseRef: `C${3001 + i}`,
  milestones: {
    accommodated: { actual: DateTime.fromISO(day(i), { zone: 'utc' }).minus({ weeks: weeks(i) }).toISODate()! },
    permanence_recommendation: { actual: day(i) },
  },
}));

const tests: { before: number; inWindow: number } = { before: 0, inWindow: 0 };

function proposals(replies: Reply[]): string[] {
  return replies.flatMap((r) => (r.kind === 'card' && r.card.title === 'A new phase?' ? [r.card.sections?.[0]?.text ?? ''] : []));
}

/** Longest run and crossings of the drawn points against the centre line (none sit on it here). */
function runsOf(values: readonly number[], centre: number) {
  const sides = values.filter((v) => v !== centre).map((v) => v > centre);
  let longest = 0;
  let current = 0;
  let crossings = 0;
  sides.forEach((side, k) => {
    if (k > 0 && side !== sides[k - 1]) crossings++;
    current = k > 0 && side === sides[k - 1] ? current + 1 : 1;
    longest = Math.max(longest, current);
  });
  return { longest, crossings, runs: crossings + 1 };
}

beforeAll(async () => {
  await insertCases(bot().db, 'T-TEST', cases);
  expect(replyText(await bot().say(LEAD, `measure ${KEY} baseline 20 "Before the key-dates tracker"`))).toMatch(/Baseline set/);
  // One test started when the long run below began (child 20, long before the window), one when
  // the run above began (child 51, the window's fifth point).
  for (const [name, i] of [['before', 20], ['inWindow', 51]] as const) {
    tests[name] = await planCycle(bot(), MEMBER, planValues({ linkedMeasures: KEY }));
    await bot().act(MEMBER, 'pdsa.do.save', { number: tests[name] }, { carriedOutOn: day(i), whatHappened: 'Ran it' });
  }
});

describe('a control chart of the last 12 months, with a baseline from long before', () => {
  it('keeps the baseline mean, but counts the runs and crossings of the points drawn', async () => {
    const replies = await bot().say(LEAD, `chart ${KEY} last 12 months`);
    const image = imageOf(replies);
    const drawn = image.kind === 'image' ? (image.table?.rows ?? []) : [];
    expect(drawn).toHaveLength(43);
    // Columns: when, (the child, in a direct message), the value, the two limits, a note.
    const values = drawn.map((row) => Number(row.at(-4)));
    expect(values).toEqual(Array.from({ length: 43 }, (_, w) => weeks(47 + w)));
    const counted = runsOf(values, 40);
    expect(counted).toEqual({ longest: 10, crossings: 30, runs: 31 });

    const words = textOf(replies);
    expect(words).toMatch(/I chart \(a control chart: mean 40 weeks/);
    expect(words).toMatch(/43 children reached permanence recommendation \(last 12 months\)/);
    expect(words).toContain(`${counted.longest} children in a row above the mean (more than 8 is unusual) — a shift`);
    // 30 crossings of 43 points is no signal: the words must not count crossings made before the window.
    expect(words).not.toMatch(/crosses the mean/);
    expect(words).not.toMatch(/below the mean/);
    expect(image.alt).toContain(`${counted.longest} children in a row above the mean`);
    // The chart marks the run it describes, and nothing before it.
    const marked = drawn.flatMap((row, w) => (row.at(-1) === 'In a long run' ? [w + 1] : []));
    expect(marked).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('names proposals by the point as drawn, and proposes none at a test that began before the first point', async () => {
    const found = proposals(await bot().say(LEAD, `chart ${KEY} last 12 months`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^The shift starting at point 5 \\(Dec 2025\\) lines up with T-${tests.inWindow} \\(started 29 Dec\\)`));
    // Over all the data the same shift is point 52, and the earlier test has its own proposal.
    const all = proposals(await bot().say(LEAD, `chart ${KEY} all data`));
    expect(all).toEqual([
      expect.stringMatching(new RegExp(`^The shift starting at point 21 \\(May 2025\\) lines up with T-${tests.before} `)),
      expect.stringMatching(new RegExp(`^The shift starting at point 52 \\(Dec 2025\\) lines up with T-${tests.inWindow} `)),
    ]);
  });
});

describe('the run chart of the same window', () => {
  it('counts the runs of the points drawn and numbers its proposal from the first of them', async () => {
    const replies = await bot().say(LEAD, `chart ${KEY} last 12 months run`);
    expect(imageOf(replies).alt).toMatch(/^Run chart of/);
    const words = textOf(replies);
    // IHI, baseline median 40: 43 useful points, 31 runs (at most 29 expected for 43).
    expect(words).toContain('10 points in a row above the baseline median — a shift');
    expect(words).toContain('(31 runs, at most 29 expected) — too many runs');
    const found = proposals(replies);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^The shift starting at point 5 \\(Dec 2025\\) lines up with T-${tests.inWindow} `));
  });
});
