import { describe, expect, it } from 'vitest';
import { analyseControlChart, spcSummary } from '../../../src/domain/spc/index.js';
import { expectClose, expectSixDecimals } from './spc-helpers.js';

describe('docs/spc.md worked examples', () => {
  it('1. I chart i-edge-n8: screening drops the 3.4 range, so 12.5 and 9.1 are outside', () => {
    const values = [10.2, 10.8, 11.1, 10.9, 11.4, 11.0, 12.5, 9.1];
    const analysis = analyseControlChart({ chart: 'i', values });
    const [phase] = analysis.phases;
    expectClose(phase!.centre, 10.875);
    // Kept ranges sum 3.5 over 6: AMR 0.583333, s = AMR / 1.128.
    const s = 3.5 / 6 / 1.128;
    for (const point of analysis.points) {
      expectClose(point.lcl, 10.875 - 3 * s);
      expectClose(point.ucl, 10.875 + 3 * s);
      expectSixDecimals(point.lcl, 9.323582);
      expectSixDecimals(point.ucl, 12.426418);
    }
    expect(analysis.points.map((p) => p.outside)).toEqual([
      null, null, null, null, null, null, 'above', 'below',
    ]);
    expect(phase!.sigmaSignal).toBe(true);
    expect(analysis.points.map((p) => p.side)).toEqual([
      'below', 'below', 'above', 'above', 'above', 'above', 'above', 'below',
    ]);
    expect(phase).toMatchObject({ longestRun: 5, longestRunMax: 6, crossings: 2, crossingsMin: 1 });
    expect(phase!.runsSignal).toBe(false);
  });

  it('2. P chart p-near-one-03: the upper limit is lowered to 1, 0.733 is below its lower limit, 12/12 on the limit is not outside', () => {
    // A 20-point series built to the example's figures: Σv 392, Σn 421, point 3 = 11/15, point 7 = 12/12.
    const values = [22, 21, 11, 22, 19, 23, 12, 22, 22, 23, 23, 22, 20, 19, 17, 19, 17, 16, 23, 19];
    const denominators = [22, 23, 15, 23, 21, 23, 12, 22, 23, 23, 23, 23, 23, 20, 21, 20, 20, 20, 23, 21];
    expect(values.reduce((a, b) => a + b)).toBe(392);
    expect(denominators.reduce((a, b) => a + b)).toBe(421);
    const analysis = analyseControlChart({ chart: 'p', values, denominators });
    const [phase] = analysis.phases;
    expectSixDecimals(phase!.centre, 0.931116);
    expectClose(phase!.centre, 392 / 421);
    expect(phase!.centreKind).toBe('pooled');

    const p3 = analysis.points[2]!;
    expectSixDecimals(p3.y, 0.733333);
    expectSixDecimals(p3.lcl, 0.734945);
    expect(p3.ucl).toBe(1);
    expect(p3.outside).toBe('below');

    const p7 = analysis.points[6]!;
    expect(p7.y).toBe(1);
    expectSixDecimals(p7.lcl, 0.71179);
    expect(p7.ucl).toBe(1);
    expect(p7.outside).toBeNull();

    // Limits step with the denominator.
    expect(analysis.points[0]!.lcl).not.toBe(p3.lcl);
    expect(phase!.sigmaSignal).toBe(true);
    expect(phase).toMatchObject({ nUseful: 20, longestRun: 7, longestRunMax: 7 });
    expect(phase!.runsSignal).toBe(false);
  });

  it('3. G chart g-stable-01: limits on the mean, centre line on the median', () => {
    const values = [11, 20, 23, 12, 1, 1, 9, 18];
    const analysis = analyseControlChart({ chart: 'g', values });
    const [phase] = analysis.phases;
    expect(phase!.centre).toBe(11.5);
    expect(phase!.centreKind).toBe('median');
    for (const point of analysis.points) {
      expect(point.lcl).toBe(0);
      expectClose(point.ucl, 11.875 + 3 * Math.sqrt(152.890625));
      expectSixDecimals(point.ucl, 48.969685);
    }
    expect(analysis.points.map((p) => p.side)).toEqual([
      'below', 'above', 'above', 'above', 'below', 'below', 'below', 'above',
    ]);
    expect(phase).toMatchObject({ longestRun: 3, crossings: 3, sigmaSignal: false, runsSignal: false });
  });

  it('the contract summary holds the same figures as booleans and nulls, nothing else', () => {
    const summary = spcSummary(analyseControlChart({ chart: 'g', values: [11, 20, 23, 12, 1, 1, 9, 18] }));
    expect(Object.keys(summary)).toEqual(['chart', 'phases']);
    expect(Object.keys(summary.phases[0]!)).toEqual(['centre', 'points', 'sigmaSignal', 'runsSignal']);
    expect(Object.keys(summary.phases[0]!.points[0]!)).toEqual(['y', 'lcl', 'ucl', 'outside']);
    expect(summary.phases[0]!.points.every((p) => p.outside === false)).toBe(true);
  });
});
