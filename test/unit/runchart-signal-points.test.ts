import { describe, expect, it } from 'vitest';
import { analyseRunChart } from '../../src/domain/runchart/analyse-run-chart.js';
import { signalPoints } from '../../src/domain/runchart/signal-points.js';

describe('signalPoints', () => {
  // Baseline median 5; seven points above it, then a five-point fall that stays below.
  const analysis = analyseRunChart({ values: [5, 6, 7, 6, 7, 6, 7, 6, 4, 3, 2, 1, 0], freeze: 1 });

  it('IHI: the points of the shift and of the trend', () => {
    expect(analysis.phases[0]).toMatchObject({
      nUseful: 12,
      longestRun: 7,
      shift: true,
      trend: true,
    });
    // Shift: indices 1–7. Trend: the fall from the last 7 (index 6) down to 0 (index 12).
    expect(signalPoints(analysis, 'ihi')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('Anhøj: only runs longer than longestRunMax (7 for n = 12)', () => {
    expect(analysis.phases[0]).toMatchObject({
      longestRunMax: 7,
      crossings: 1,
      anhoejSignal: true,
    });
    expect(signalPoints(analysis, 'anhoej')).toEqual([]);
  });

  it('nothing when there is too little data', () => {
    const early = analyseRunChart({ values: [5, 6, 7, 6, 7, 6, 7], freeze: 1 });
    expect(signalPoints(early, 'ihi')).toEqual([]);
  });
});
