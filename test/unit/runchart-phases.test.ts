import { describe, expect, it } from 'vitest';
import { analyseRunChart } from '../../src/domain/runchart/analyse-run-chart.js';
import { ValidationError } from '../../src/errors.js';

const alternate = (low: number, high: number, count: number) =>
  Array.from({ length: count }, (_, i) => (i % 2 ? high : low));

describe('frozen baseline', () => {
  // Twelve months around 20 (the last one below it), then a change brings everything down to 10.
  const values = [...alternate(21, 19, 12), ...alternate(9, 11, 12)];

  it('takes the median from the baseline but applies the rules to every point', () => {
    const analysis = analyseRunChart({ values, freeze: 12 });
    expect(analysis.freeze).toBe(12);
    expect(analysis.phases).toHaveLength(1);
    expect(analysis.phases[0]).toMatchObject({ start: 0, end: 23, baselineEnd: 11, median: 20 });
    expect(analysis.phases[0]).toMatchObject({
      nUseful: 24,
      longestRun: 13,
      longestRunSide: 'below',
    });
    expect(analysis.phases[0]).toMatchObject({ shift: true, anhoejSignal: true });
    expect(analysis.points.filter((p) => p.inShift).map((p) => p.index)).toEqual(
      Array.from({ length: 13 }, (_, i) => i + 11),
    );
    expect(analysis.points.filter((p) => p.inBaseline)).toHaveLength(12);
  });

  it('differs from the unfrozen median, which the change itself drags down', () => {
    const unfrozen = analyseRunChart({ values });
    expect(unfrozen.freeze).toBeNull();
    expect(unfrozen.phases[0]).toMatchObject({ median: 15, baselineEnd: 23, longestRun: 12 });
  });
});

describe('a baseline carried in from before the series (a chart window)', () => {
  it('judges every point against the given median, with only the points in view as baseline', () => {
    const values = alternate(9, 11, 12);
    const carried = analyseRunChart({ values }, { baselineMedian: 20 });
    expect(carried.freeze).toBe(0);
    expect(carried.phases[0]).toMatchObject({ median: 20, baselineEnd: -1, longestRun: 12, shift: true });
    expect(carried.points.filter((p) => p.inBaseline)).toHaveLength(0);
    const partly = analyseRunChart({ values, freeze: 2 }, { baselineMedian: 20 });
    expect(partly.phases[0]).toMatchObject({ median: 20, baselineEnd: 1 });
    // Phases have their own medians: a carried median does not apply to them.
    expect(analyseRunChart({ values, parts: [6] }, { baselineMedian: 20 }).phases[0]!.median).toBe(10);
  });
});

describe('phases', () => {
  it('two phases: each has its own median and is judged on its own', () => {
    const values = [...alternate(19, 21, 12), ...alternate(9, 11, 12)];
    const analysis = analyseRunChart({ values, parts: [12] });
    expect(analysis.phases.map((p) => [p.start, p.end, p.median])).toEqual([
      [0, 11, 20],
      [12, 23, 10],
    ]);
    for (const phase of analysis.phases) {
      expect(phase).toMatchObject({ nUseful: 12, runs: 12, shift: false, anhoejSignal: false });
    }
    expect(analysis.points[12]).toMatchObject({ phase: 1, side: 'below' });
  });

  it('three phases; a run does not carry across a phase boundary', () => {
    const values = [...alternate(1, 3, 10), ...alternate(1, 3, 10), ...alternate(5, 7, 10)];
    // Phase 2 ends above (3) and phase 3 starts below its own median (5 < 6).
    const analysis = analyseRunChart({ values, parts: [10, 20] });
    expect(analysis.phases.map((p) => [p.start, p.end, p.median, p.runs])).toEqual([
      [0, 9, 2, 10],
      [10, 19, 2, 10],
      [20, 29, 6, 10],
    ]);
    expect(analysis.points.map((p) => p.phase)).toEqual([
      ...new Array(10).fill(0),
      ...new Array(10).fill(1),
      ...new Array(10).fill(2),
    ]);
  });

  it('ignores a freeze when phases are given', () => {
    const values = [...alternate(19, 21, 12), ...alternate(9, 11, 12)];
    const analysis = analyseRunChart({ values, parts: [12], freeze: 4 });
    expect(analysis.freeze).toBeNull();
    expect(analysis.phases[0]).toMatchObject({ baselineEnd: 11, median: 20 });
  });
});

describe('excluded points', () => {
  const values = [10, 12, 11, 13, 9, 14, 8, 15, 10, 12, 11, 13, 400];

  it('leaves an excluded point out of the median and every rule', () => {
    const analysis = analyseRunChart({ values, exclude: [13] });
    expect(analysis.phases[0]).toMatchObject({ median: 11.5, nUseful: 12, runs: 12 });
    expect(analysis.points[12]).toMatchObject({ excluded: true, side: null, useful: false });
    expect(analysis.points[12]!.inBaseline).toBe(false);
    expect(analyseRunChart({ values }).phases[0]).toMatchObject({ median: 12, nUseful: 11 });
  });

  it('an excluded point inside a run neither breaks nor extends it', () => {
    const analysis = analyseRunChart({
      values: [0, 1, 1, 1, -9, 1, 1, 1],
      freeze: 1,
      exclude: [5],
    });
    expect(analysis.phases[0]).toMatchObject({ nUseful: 6, longestRun: 6, runs: 1 });
  });
});

describe('input validation', () => {
  const rejects = (input: unknown, message: string, field?: string) => {
    try {
      analyseRunChart(input as never);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).userMessage).toBe(message);
      expect((error as ValidationError).field).toBe(field);
    }
  };

  it('explains what is wrong with each setting', () => {
    rejects({ values: [1, 2, 3], freeze: 4 }, 'freeze: 4 is beyond the 3 values', 'freeze');
    rejects(
      { values: [1, 2, 3], parts: [2, 1] },
      'parts[1]: must be increasing (2 then 1)',
      'parts[1]',
    );
    rejects(
      { values: [1, 2, 3], parts: [3] },
      'parts[0]: a phase cannot start after point 3: there are 3 values',
      'parts[0]',
    );
    rejects(
      { values: [1, 2, 3], exclude: [4] },
      'exclude[0]: point 4 is beyond the 3 values',
      'exclude[0]',
    );
    rejects(
      { values: [1, 2, 3], exclude: [0] },
      'exclude[0]: positions count from 1',
      'exclude[0]',
    );
    rejects(
      { values: [1, 2, 3], freeze: 1.5 },
      'freeze: must be a whole number of points',
      'freeze',
    );
  });

  it('explains malformed values and unknown fields', () => {
    rejects({ values: [] }, 'values: has no points: a run chart needs at least one', 'values');
    rejects({ values: [1, 'x'] }, 'values[1]: must be a number or null', 'values[1]');
    rejects(
      { values: [1], exlude: [1] },
      'unknown field "exlude" (expected values, freeze, parts, exclude)',
    );
    rejects(
      [1, 2],
      'expected a JSON object with "values" and optionally "freeze", "parts", "exclude"',
    );
  });
});
