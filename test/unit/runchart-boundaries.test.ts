import { describe, expect, it } from 'vitest';
import { analyseRunChart } from '../../src/domain/runchart/analyse-run-chart.js';

/**
 * A series whose sides we choose: a frozen first point at 5 puts the median at 5 and is itself on
 * the median, so each letter (A = 6, above; B = 4, below) is one useful point.
 */
function sided(pattern: string) {
  const values = [5, ...[...pattern].map((c) => (c === 'A' ? 6 : 4))];
  return analyseRunChart({ values, freeze: 1 });
}

describe('Anhøj limits are strict (n = 10: longestRunMax 6, crossingsMin 2)', () => {
  it('a run equal to longestRunMax is no signal', () => {
    const { phases, points } = sided('AAAAAABABB');
    expect(phases[0]).toMatchObject({ nUseful: 10, longestRun: 6, longestRunMax: 6, crossings: 3 });
    expect(phases[0]!.anhoejSignal).toBe(false);
    expect(points.some((p) => p.inLongRun)).toBe(false);
  });

  it('a run one longer is a signal, and its points are marked', () => {
    const { phases, points } = sided('AAAAAAABAB');
    expect(phases[0]).toMatchObject({ longestRun: 7, anhoejSignal: true });
    expect(points.filter((p) => p.inLongRun).map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('crossings equal to crossingsMin is no signal; one fewer is', () => {
    expect(sided('AAAAABBBBA').phases[0]).toMatchObject({ crossings: 2, anhoejSignal: false });
    expect(sided('AAAAABBBBB').phases[0]).toMatchObject({ crossings: 1, anhoejSignal: true });
  });

  it('too many crossings (a sawtooth) is not a signal', () => {
    expect(sided('ABABABABAB').phases[0]).toMatchObject({ crossings: 9, anhoejSignal: false });
  });
});

describe('IHI boundaries (n = 10: runs 3 to 9)', () => {
  it('a run of 5 is no shift, a run of 6 is', () => {
    expect(sided('AAAAABABAB').phases[0]!.shift).toBe(false);
    const six = sided('AAAAAABABB');
    expect(six.phases[0]!.shift).toBe(true);
    expect(six.points.filter((p) => p.inShift).map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('runs equal to the lower limit are not too few; one fewer is', () => {
    expect(sided('AAAAABBBBA').phases[0]).toMatchObject({ runs: 3, tooFewRuns: false });
    expect(sided('AAAAABBBBB').phases[0]).toMatchObject({ runs: 2, tooFewRuns: true });
  });

  it('runs equal to the upper limit are not too many; one more is', () => {
    expect(sided('AABABABABA').phases[0]).toMatchObject({ runs: 9, tooManyRuns: false });
    expect(sided('ABABABABAB').phases[0]).toMatchObject({ runs: 10, tooManyRuns: true });
  });

  it('a run of exactly longestRunMax at n = 100 is no Anhøj run signal', () => {
    const blocks = Array.from({ length: 100 }, (_, i) => (Math.floor(i / 10) % 2 ? 'B' : 'A'));
    const { phases, points } = sided(blocks.join(''));
    expect(phases[0]).toMatchObject({ longestRun: 10, longestRunMax: 10 });
    expect(points.some((p) => p.inLongRun)).toBe(false);
  });
});
