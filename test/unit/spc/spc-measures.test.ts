import { describe, expect, it } from 'vitest';
import { analyseSeries } from '../../../src/domain/spc/index.js';
import { chooseChart, controlChartType } from '../../../src/programme/measures/choose-chart.js';
import { analyseMeasureControl, sliceControlAnalysis } from '../../../src/programme/measures/control-measure.js';
import { EMPTY_SETTINGS } from '../../../src/programme/measures/measure-catalogue.js';
import { controlSignalSummary } from '../../../src/conversation/features/measures/signal-summary.js';
import { describeControlSignals } from '../../../src/programme/measures/describe-control-signals.js';
import { assuranceOf, variationOf } from '../../../src/programme/measures/variation-assurance.js';

const month = (i: number) => `20${24 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const series = (values: (number | null)[]) => values.map((value, i) => ({ period: month(i), value }));
const shares = (counts: [number, number][]) =>
  counts.map(([numerator, denominator], i) => ({ period: month(i), value: (numerator / denominator) * 100, numerator, denominator }));
const custom = { kind: 'custom' as const, unit: '%', settings: EMPTY_SETTINGS };

describe('which chart a measure gets', () => {
  it('P for shares with counts, C for custom counts, I otherwise', () => {
    expect(controlChartType(custom, shares([[17, 20]]))).toBe('p');
    expect(controlChartType(custom, series([85]))).toBe('i');
    expect(controlChartType({ kind: 'custom', unit: 'complaints' }, series([3]))).toBe('c');
    expect(controlChartType({ kind: 'custom', unit: 'days' }, series([3]))).toBe('i');
    expect(controlChartType({ kind: 'interval', unit: 'weeks' }, series([3]))).toBe('i');
  });

  it('stays a run chart until 20 points, unless a lead or the request chose', () => {
    const nineteen = shares(Array.from({ length: 19 }, () => [17, 20] as [number, number]));
    const twenty = shares(Array.from({ length: 20 }, () => [17, 20] as [number, number]));
    expect(chooseChart(custom, 'monthly', nineteen).kind).toBe('run');
    expect(chooseChart(custom, 'monthly', twenty)).toMatchObject({ kind: 'control', type: 'p', asked: false });
    expect(chooseChart(custom, 'monthly', nineteen, 'control').kind).toBe('control');
    const chosenRun = { ...custom, settings: { ...EMPTY_SETTINGS, chart: { kind: 'run' as const, reason: 'why not', by: { userId: 'U', name: 'L' }, at: new Date() } } };
    expect(chooseChart(chosenRun, 'monthly', twenty).kind).toBe('run');
    // A monthly median of an interval measure has no natural control chart: run unless asked.
    const monthlyMedians = series(Array.from({ length: 24 }, (_, i) => 30 + (i % 5)));
    expect(chooseChart({ kind: 'interval', unit: 'weeks', settings: EMPTY_SETTINGS }, 'monthly', monthlyMedians).kind).toBe('run');
    expect(chooseChart({ kind: 'interval', unit: 'weeks', settings: EMPTY_SETTINGS }, 'per-child', monthlyMedians).kind).toBe('control');
  });
});

describe('a measure as a control chart', () => {
  it('a P chart of a % measure takes the counts and shows the share in %', () => {
    const control = analyseMeasureControl(shares([[17, 20], [5, 20], [18, 20]]), {}, 'p', '%');
    expect(control.scale).toBe(100);
    expect(control.analysis.phases[0]!.centre).toBeCloseTo(40 / 60, 12);
    expect(control.analysis.points.map((p) => p.y)).toEqual([0.85, 0.25, 0.9]);
  });

  it('a window cut from the whole series keeps the baseline limits and the points in view', () => {
    const values = [10, 12, 11, 13, 12, 11, 30, 31, 29];
    const whole = analyseSeries(values, 'i', { freeze: 6 });
    const cut = sliceControlAnalysis(whole, 5, 8);
    expect(cut.points.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(cut.points.map((p) => p.ucl)).toEqual(whole.points.slice(5).map((p) => p.ucl));
    expect(cut.phases).toEqual([expect.objectContaining({ start: 0, end: 3, baselineEnd: 0, centre: whole.phases[0]!.centre })]);
    expect(cut.points.slice(1).every((p) => p.outside === 'above')).toBe(true);
  });
});

describe('Making Data Count badges', () => {
  const control = (values: number[], freeze?: number) => ({
    type: 'i' as const,
    scale: 1,
    analysis: analyseSeries(values, 'i', freeze ? { freeze } : {}),
  });
  const steady = [20, 22, 21, 19, 20, 21, 22, 20, 19, 21, 20, 22];

  it('variation: common cause without a signal; improvement or concern by the better direction', () => {
    expect(variationOf(control(steady), 'down')).toBe('common');
    const spike = control([...steady, 40], 12);
    expect(variationOf(spike, 'down')).toBe('concern');
    expect(variationOf(spike, 'up')).toBe('improvement');
    expect(variationOf(spike)).toBe('special');
  });

  it('variation and the chart\'s sentence agree: the latest signal gives the direction', () => {
    const options = (values: number[]) => ({ measureName: '% seen in time', unit: '%', betterDirection: 'up' as const, points: series(values), perChild: false });
    // One month above the upper limit, then ten below the mean: the latest signal is the run, down.
    const fell = [...steady, 40, 18, 18.5, 18, 19, 18, 18.5, 19, 18, 18.5, 18];
    const afterSpike = control(fell, 12);
    expect(afterSpike.analysis.phases.at(-1)!.longestRunSide).toBe('below');
    expect(afterSpike.analysis.points.some((p) => p.outside === 'above')).toBe(true);
    expect(variationOf(afterSpike, 'up')).toBe('concern');
    expect(variationOf(afterSpike, 'down')).toBe('improvement');
    expect(describeControlSignals(afterSpike, options(fell))).toMatch(/so this looks like a change for the worse/);
    // Ten below the mean, then the latest month above the upper limit: a rise, in both.
    const rose = [...steady, 18, 18.5, 18, 19, 18, 18.5, 19, 18, 18.5, 18, 40];
    const spikeLast = control(rose, 12);
    expect(variationOf(spikeLast, 'up')).toBe('improvement');
    const said = describeControlSignals(spikeLast, options(rose));
    expect(said).toMatch(/a shift/);
    expect(said).toMatch(/The percentage has risen, and a higher percentage is better for % seen in time, so this looks like an improvement\./);
    // The `measures` list reads the same way: the run below the mean came before the rise, so it is
    // not called worse beside a chart that calls the measure improving.
    expect(controlSignalSummary(spikeLast, 'up')).toBe('I chart: 1 point above the upper limit (better), long run below the mean (since reversed)');
    expect(controlSignalSummary(afterSpike, 'up')).toBe('I chart: 1 point above the upper limit (better), long run below the mean (worse)');
  });

  it('counts children beyond a limit as "fewer than 5" for a group, as every count under 5 is there (a phone check saw "4 children")', () => {
    const rose = [...steady, 40];
    const perChild = (audience: 'person' | 'group') => ({ measureName: 'Weeks', unit: 'weeks', points: series(rose), perChild: true, audience });
    const spike = control(rose, 12);
    expect(describeControlSignals(spike, perChild('person'))).toMatch(/one child above the upper limit/);
    expect(describeControlSignals(spike, perChild('group'))).toMatch(/fewer than 5 children above the upper limit/);
  });

  it('says why an I chart\'s lower limit below zero flags nothing, where no value is below zero (a phone check read "-0.2" as a fault)', () => {
    // Weeks that are mostly short with some long waits: the spread puts the lower limit below 0.
    const weeks = [0.5, 3, 0.2, 4, 0.4, 3.5, 0.3, 4.2, 0.6, 3.8, 0.2, 4];
    const words = { measureName: 'Weeks to panel', unit: 'weeks', points: series(weeks), perChild: false };
    const wide = control(weeks);
    expect(wide.analysis.points.some((p) => p.lcl !== null && p.lcl < 0)).toBe(true);
    expect(describeControlSignals(wide, words)).toMatch(
      /Its lower limit \(-\d+(\.\d+)? weeks\) is below zero, where none of these values falls, so only the upper limit can flag a point\.$/,
    );
    // Limits above zero: nothing to explain.
    expect(describeControlSignals(control(steady), { ...words, points: series(steady) })).not.toMatch(/below zero/);
    // A measure with values below zero: the lower limit can flag them, so no such sentence.
    const change = [-3, 2, -4, 3, -2, 4, -3, 2, -4, 3, -2, 4];
    expect(describeControlSignals(control(change), { ...words, points: series(change) })).not.toMatch(/below zero/);
  });

  it('assurance: where the target sits against the limits', () => {
    // Mean 20.6 (247 / 12); moving ranges average 16 / 11, so limits about 16.7 to 24.5.
    expect(assuranceOf(control(steady), 30, 'down')).toBe('pass');
    expect(assuranceOf(control(steady), 10, 'down')).toBe('fail');
    expect(assuranceOf(control(steady), 21, 'down')).toBe('hit-and-miss');
    expect(assuranceOf(control(steady), 10, 'up')).toBe('pass');
    expect(assuranceOf(control(steady), undefined, 'up')).toBeNull();
  });
});
