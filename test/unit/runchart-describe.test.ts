import { describe, expect, it } from 'vitest';
import { analyseRunChart } from '../../src/domain/runchart/analyse-run-chart.js';
import { describeSignals } from '../../src/domain/runchart/describe-signals.js';

const repeat = (value: number, times: number) => new Array<number>(times).fill(value);
const weeks = { measureName: 'accommodation to recommendation', unit: 'weeks' } as const;
const ihi = { ...weeks, ruleSet: 'ihi' } as const;
const anhoej = { ...weeks, ruleSet: 'anhoej' } as const;

describe('describeSignals', () => {
  it('says it is too early with fewer than 10 points off the median line, naming the rule set', () => {
    // Median 6: the two 6s sit on the line, so 6 of the 8 points count.
    const analysis = analyseRunChart({ values: [5, 6, 6, 7, 8, 9, 3, 4] });
    expect(describeSignals(analysis, ihi)).toBe(
      'IHI rules: too early to judge — 6 of the 8 points are above or below the median line (those exactly on it are not counted); the rules need 10.',
    );
    expect(describeSignals(analysis, anhoej)).toMatch(/^Anhøj rules: too early to judge — 6 of the 8/);
    // A share that stayed at 0% all along: every point is the median, said as such.
    expect(describeSignals(analyseRunChart({ values: repeat(0, 13) }), { measureName: '% within 26 weeks', unit: '%', ruleSet: 'ihi' })).toBe(
      'IHI rules: too early to judge — all 13 points sit exactly on the median line; the rules need 10 points above or below it.',
    );
    // With none on the line there is nothing to explain: there are just too few points.
    expect(describeSignals(analyseRunChart({ values: [1, 2, 3, 4] }), ihi)).toBe(
      'IHI rules: too early to judge — only 4 points so far; the rules need 10.',
    );
  });

  it('names a shift and whether it is good news when the better direction is known', () => {
    const analysis = analyseRunChart({
      values: [...repeat(30, 4), 30, 32, 28, 31, ...repeat(20, 8)],
      freeze: 8,
    });
    expect(describeSignals(analysis, { ...ihi, betterDirection: 'down' })).toBe(
      'IHI rules: 8 points in a row below the baseline median — a shift. ' +
        'The times have got shorter, and shorter is better for accommodation to recommendation, so this looks like an improvement.',
    );
    expect(describeSignals(analysis, { ...ihi, betterDirection: 'up' })).toContain(
      'so this looks like a change for the worse.',
    );
    expect(describeSignals(analysis, ihi)).not.toContain('better');
  });

  it('says why the same fall is good news for a wait and bad news for a % within target', () => {
    const analysis = analyseRunChart({ values: [...repeat(30, 4), 30, 32, 28, 31, ...repeat(20, 8)], freeze: 8 });
    const wait = describeSignals(analysis, { ...ihi, betterDirection: 'down' });
    const within = describeSignals(analysis, {
      ruleSet: 'ihi',
      measureName: '% within 2 weeks',
      unit: '%',
      betterDirection: 'up',
    });
    expect(wait).toMatch(/The times have got shorter, and shorter is better for accommodation to recommendation, so this looks like an improvement\.$/);
    expect(within).toMatch(
      /The percentage has fallen, and a higher percentage is better for % within 2 weeks, so this looks like a change for the worse\.$/,
    );
    const count = describeSignals(analysis, { ruleSet: 'ihi', measureName: 'drift', unit: 'cases', betterDirection: 'down' });
    expect(count).toMatch(/The values have gone down, and lower is better for drift, so this looks like an improvement\.$/);
  });

  it('the two rule sets can disagree, and each says which applied (worked example 1)', () => {
    const analysis = analyseRunChart({ values: [10, 12, 11, 13, 9, 14, 8, 15, 10, 12, 11, 13] });
    expect(describeSignals(analysis, ihi)).toBe(
      'IHI rules: the points zigzag across the median more than chance would explain ' +
        '(12 runs, at most 11 expected) — too many runs.',
    );
    expect(describeSignals(analysis, anhoej)).toBe(
      'Anhøj rules: no signal — the ups and downs around the median (11.5 weeks) look like ordinary variation.',
    );
  });

  it('lists every IHI signal and every Anhøj reason (worked example 2)', () => {
    const analysis = analyseRunChart({ values: [...repeat(20, 12), ...repeat(10, 12)] });
    expect(describeSignals(analysis, ihi)).toBe(
      'IHI rules: 12 points in a row below the median — a shift; the line crosses the median less ' +
        'often than chance would explain (2 runs, at least 8 expected) — too few runs.',
    );
    expect(describeSignals(analysis, anhoej)).toBe(
      'Anhøj rules: 12 points in a row below the median (more than 8 is unusual) — a shift; ' +
        'the line crosses the median only once (fewer than 8 is unusual).',
    );
  });

  it('names a trend with its direction', () => {
    const analysis = analyseRunChart({ values: [20, 18, 17, 15, 14, 30, 1, 30, 1, 30, 1, 30] });
    expect(describeSignals(analysis, { ...ihi, betterDirection: 'down' })).toBe(
      'IHI rules: 5 points in a row going down — a trend. ' +
        'The times have got shorter, and shorter is better for accommodation to recommendation, so this looks like an improvement.',
    );
  });

  it('describes the latest phase and says so', () => {
    const analysis = analyseRunChart({
      values: [...repeat(20, 12), 5, 7, 5, 7, 7, 5, 5, 7, 5, 7, 5, 7],
      parts: [12],
    });
    expect(describeSignals(analysis, { ...ihi, unit: '%' })).toBe(
      'IHI rules, latest phase: no signal — the ups and downs around the median (6%) look like ordinary variation.',
    );
  });

  it('says when there is no data at all', () => {
    const analysis = analyseRunChart({ values: [null, null] });
    expect(describeSignals(analysis, anhoej)).toBe(
      'Anhøj rules: no data yet for accommodation to recommendation.',
    );
  });
});
