import { describe, expect, it } from 'vitest';
import { analyseRunChart } from '../../src/domain/runchart/analyse-run-chart.js';

const trendIndices = (values: (number | null)[], exclude?: number[]) =>
  analyseRunChart({ values, exclude })
    .points.filter((p) => p.inTrend)
    .map((p) => p.index);

describe('IHI trend', () => {
  it('four rising points are no trend; five are (count points, not steps)', () => {
    const four = analyseRunChart({ values: [9, 1, 9, 1, 9, 1, 2, 3, 9, 1, 9, 1] }).phases[0]!;
    expect(four).toMatchObject({ median: 2.5, nUseful: 12, longestTrend: 4, trend: false });

    const five = analyseRunChart({ values: [9, 1, 9, 1, 9, 1, 2, 3, 4, 9, 1, 9] });
    expect(five.phases[0]).toMatchObject({ median: 3.5, longestTrend: 5, trend: true });
    expect(five.phases[0]!.longestTrendDirection).toBe('up');
    expect(five.points.filter((p) => p.inTrend).map((p) => p.index)).toEqual([5, 6, 7, 8, 9]);
  });

  it('equal neighbours count once: 3, 4, 4, 5, 6, 7 is a five-point trend', () => {
    const values = [3, 4, 4, 5, 6, 7, 1, 9, 1, 9, 1, 9];
    const phase = analyseRunChart({ values }).phases[0]!;
    expect(phase).toMatchObject({ median: 4.5, nUseful: 12, longestTrend: 5, trend: true });
    expect(trendIndices(values)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a tie does not make a trend: 3, 4, 4, 5, 6 is four points', () => {
    const phase = analyseRunChart({ values: [3, 4, 4, 5, 6, 1, 9, 1, 9, 1, 9, 1] }).phases[0]!;
    expect(phase).toMatchObject({ median: 4, nUseful: 10, longestTrend: 4, trend: false });
  });

  it('falling trends count, and the median plays no part', () => {
    const values = [20, 18, 17, 15, 14, 30, 1, 30, 1, 30, 1, 30];
    const phase = analyseRunChart({ values }).phases[0]!;
    expect(phase).toMatchObject({ longestTrend: 5, longestTrendDirection: 'down', trend: true });
    expect(trendIndices(values)).toEqual([0, 1, 2, 3, 4]);
  });

  it('missing and excluded points are skipped, not breaks', () => {
    const values = [1, 2, null, 50, 3, 4, 5, 0, 9, 0, 9, 0, 9];
    const phase = analyseRunChart({ values, exclude: [4] }).phases[0]!;
    expect(phase).toMatchObject({ longestTrend: 5, trend: true });
    expect(trendIndices(values, [4])).toEqual([0, 1, 4, 5, 6]);
    expect(analyseRunChart({ values }).phases[0]!.trend).toBe(false);
  });

  it('a turning point belongs to both the rise it ends and the fall it starts', () => {
    const values = [1, 2, 3, 4, 5, 4, 3, 2, 1, 9, 0, 9];
    expect(analyseRunChart({ values }).phases[0]!.longestTrend).toBe(5);
    expect(trendIndices(values)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
