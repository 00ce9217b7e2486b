import { describe, expect, it } from 'vitest';
import { analyseRunChart } from '../../src/domain/runchart/analyse-run-chart.js';

const only = (values: (number | null)[]) => {
  const { phases } = analyseRunChart({ values });
  expect(phases).toHaveLength(1);
  return phases[0]!;
};
const repeat = (value: number, times: number) => new Array<number>(times).fill(value);

describe('worked examples from runcharts.md', () => {
  it('1: every point crosses — Anhøj quiet, IHI too many runs', () => {
    const phase = only([10, 12, 11, 13, 9, 14, 8, 15, 10, 12, 11, 13]);
    expect(phase).toMatchObject({
      median: 11.5,
      nUseful: 12,
      longestRun: 1,
      crossings: 11,
      runs: 12,
      anhoejSignal: false,
      runsUpper: 11,
      tooManyRuns: true,
      tooFewRuns: false,
      shift: false,
      enoughData: true,
    });
  });

  it('2: twelve at 20 then twelve at 10 — both rule sets signal', () => {
    const phase = only([...repeat(20, 12), ...repeat(10, 12)]);
    expect(phase).toMatchObject({
      median: 15,
      nUseful: 24,
      longestRun: 12,
      longestRunMax: 8,
      crossings: 1,
      crossingsMin: 8,
      anhoejSignal: true,
      shift: true,
      runs: 2,
      runsLower: 8,
      tooFewRuns: true,
    });
  });

  it('3: a five-point rise with two points on the median leaves too few useful points', () => {
    const phase = only([5, 6, 6, 7, 8, 9, 3, 4]);
    expect(phase).toMatchObject({ median: 6, nUseful: 6, longestTrend: 5, enoughData: false });
    expect(phase).toMatchObject({ anhoejSignal: false, shift: false, trend: false });
    expect(phase).toMatchObject({ tooFewRuns: false, tooManyRuns: false });
    expect(phase.runsLower).toBeNull();
  });
});

describe('shared definitions', () => {
  it('points on the median neither break nor extend a run', () => {
    const analysis = analyseRunChart({ values: [10, 10, 5, 10, 0, 0, 0] });
    expect(analysis.phases[0]).toMatchObject({ median: 5, nUseful: 6, runs: 2, longestRun: 3 });
    expect(analysis.points[2]).toMatchObject({ side: 'on', useful: false });
  });

  it('all values equal: no useful points, empty run figures, no signal', () => {
    const phase = only(repeat(7, 12));
    expect(phase).toMatchObject({ median: 7, nUseful: 0, enoughData: false, longestTrend: 1 });
    for (const key of [
      'longestRun',
      'crossings',
      'runs',
      'longestRunMax',
      'crossingsMin',
    ] as const) {
      expect(phase[key], key).toBeNull();
    }
    expect([phase.anhoejSignal, phase.shift, phase.trend, phase.tooFewRuns]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('missing values keep their place but are never used', () => {
    const values = [...repeat(20, 12), ...repeat(10, 12)];
    const gappy = [null, ...values.slice(0, 5), null, ...values.slice(5), null];
    const analysis = analyseRunChart({ values: gappy });
    expect(analysis.phases[0]).toMatchObject({ median: 15, nUseful: 24, runs: 2, end: 26 });
    expect(analysis.points).toHaveLength(27);
    expect(analysis.points[6]).toMatchObject({ value: null, side: null, useful: false });
    expect(analysis.points[7]).toMatchObject({ value: 20, side: 'above', inShift: true });
  });

  it('a phase with no present values has no median and no figures', () => {
    const phase = only([null, null, null]);
    expect(phase).toMatchObject({ median: null, nUseful: 0, longestRun: null, longestTrend: null });
    expect(phase.enoughData).toBe(false);
  });

  it('n = 9 useful points is too early; the 10th point lets every rule speak', () => {
    // Freezing one point at 0 puts the median there, so every later point is useful.
    const nine = analyseRunChart({ values: [0, -2, -1, 1, 2, 3, 4, 5, 6, 7], freeze: 1 });
    expect(nine.phases[0]).toMatchObject({ nUseful: 9, longestRun: 7, enoughData: false });
    expect(nine.phases[0]).toMatchObject({ anhoejSignal: false, shift: false, trend: false });
    expect(nine.points.some((p) => p.inShift || p.inTrend || p.inLongRun)).toBe(false);

    const ten = analyseRunChart({ values: [0, -2, -1, 1, 2, 3, 4, 5, 6, 7, 8], freeze: 1 });
    expect(ten.phases[0]).toMatchObject({ nUseful: 10, longestRun: 8, enoughData: true });
    expect(ten.phases[0]).toMatchObject({ anhoejSignal: true, shift: true, trend: true });
    expect(ten.phases[0]).toMatchObject({ runs: 2, runsLower: 3, tooFewRuns: true });
  });

  it('n = 100: limits come from the formulas and the computed runs distribution', () => {
    const zigzag = analyseRunChart({
      values: [0, ...Array.from({ length: 100 }, (_, i) => (i % 2 ? -1 : 1))],
      freeze: 1,
    });
    expect(zigzag.phases[0]).toMatchObject({ nUseful: 100, longestRunMax: 10, crossingsMin: 41 });
    expect(zigzag.phases[0]).toMatchObject({ runs: 100, runsLower: 41, runsUpper: 61 });
    expect(zigzag.phases[0]).toMatchObject({ tooManyRuns: true, anhoejSignal: false });

    const blocksOfTen = Array.from({ length: 100 }, (_, i) => (Math.floor(i / 10) % 2 ? -1 : 1));
    const blocky = analyseRunChart({ values: [0, ...blocksOfTen], freeze: 1 }).phases[0]!;
    expect(blocky).toMatchObject({ longestRun: 10, crossings: 9, runs: 10 });
    expect(blocky).toMatchObject({ anhoejSignal: true, shift: true, tooFewRuns: true });
  });
});
