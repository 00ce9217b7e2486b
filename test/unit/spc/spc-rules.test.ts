import { describe, expect, it } from 'vitest';
import { analyseControlChart } from '../../../src/domain/spc/index.js';
import { expectClose } from './spc-helpers.js';

const limitsOf = (a: ReturnType<typeof analyseControlChart>) => a.points.map((p) => [p.lcl, p.ucl]);

describe('I chart', () => {
  it('bridges an excluded point (its neighbours make one range) but loses both ranges at a gap', () => {
    // Excluding 100 at position 3: ranges 2 (10→12), 1 (12→13). AMR = 1.5 (no screening: 2 < 4.9).
    const bridged = analyseControlChart({ chart: 'i', values: [10, 12, 100, 13], exclude: [3] });
    expectClose(bridged.phases[0]!.centre, 35 / 3);
    const s = 1.5 / 1.128;
    expectClose(bridged.points[0]!.ucl, 35 / 3 + 3 * s);
    // The excluded point is still judged against the limits.
    expect(bridged.points[2]!.outside).toBe('above');
    expect(bridged.points[2]!.side).toBeNull();
    expect(bridged.phases[0]!.sigmaSignal).toBe(true);

    // A missing point stays in B: ranges 10→12 = 2 only (12→null, null→13 lost).
    const gap = analyseControlChart({ chart: 'i', values: [10, 12, null, 13] });
    expectClose(gap.points[0]!.ucl, 35 / 3 + (3 * 2) / 1.128);
    expect(gap.points[2]).toMatchObject({ y: null, outside: null });
    expect(gap.points[2]!.lcl).not.toBeNull();
  });

  it('with a freeze, only ranges inside 1..k count and the limits apply to every point', () => {
    const analysis = analyseControlChart({ chart: 'i', values: [5, 6, 5, 6, 50, 60], freeze: 4 });
    expectClose(analysis.phases[0]!.centre, 5.5);
    const ucl = 5.5 + (3 * 1) / 1.128;
    expect(analysis.points.every((p) => Math.abs(p.ucl! - ucl) < 1e-12)).toBe(true);
    expect(analysis.points.slice(4).map((p) => p.outside)).toEqual(['above', 'above']);
    expect(analysis.freeze).toBe(4);
    expect(analysis.points[4]!.inBaseline).toBe(false);
  });

  it('drops a range equal to the screening threshold, and has no limits when every range is 0', () => {
    const flat = analyseControlChart({ chart: 'i', values: [7, 7, 7, 7] });
    expect(flat.phases[0]!.centre).toBe(7);
    expect(limitsOf(flat).flat().every((x) => x === null)).toBe(true);
    expect(flat.phases[0]!.limits).toBe('none');

    const one = analyseControlChart({ chart: 'i', values: [3] });
    expect(one.phases[0]).toMatchObject({ centre: 3, limits: 'none', runsSignal: false });
  });

  it('a flat line with a spike: the spike ranges are screened, s = 0, limits collapse onto the mean', () => {
    const values = [4, 4, 4, 4, 4, 4, 4, 4, 4, 12, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4];
    const analysis = analyseControlChart({ chart: 'i', values });
    const mean = (19 * 4 + 12) / 20;
    expect(analysis.phases[0]!.centre).toBe(mean);
    expect(analysis.points[0]).toMatchObject({ lcl: mean, ucl: mean });
    expect(analysis.phases[0]!.limits).toBe('collapsed');
    expect(analysis.points.every((p) => p.outside !== null)).toBe(true);
  });

  it('a point exactly on both collapsed limits is not outside (i-edge-on-limits)', () => {
    // Baseline: flat 2s with one spike of 10 (mean 2.5); the spike's ranges are screened, s = 0.
    const baseline = [2, 2, 2, 2, 2, 2, 2, 10, 2, 2, 2, 2, 2, 2, 2, 2];
    const analysis = analyseControlChart({ chart: 'i', values: [...baseline, 2.5, 2.6], freeze: 16 });
    expect(analysis.phases[0]!.centre).toBe(2.5);
    expect(analysis.phases[0]!.limits).toBe('collapsed');
    expect(analysis.points[16]).toMatchObject({ y: 2.5, lcl: 2.5, ucl: 2.5, outside: null, side: 'on' });
    expect(analysis.points[17]!.outside).toBe('above');
  });
});

describe('MR chart', () => {
  it('excluding position j removes only the range ending at j; no screening; lcl 0 even on null ranges', () => {
    const analysis = analyseControlChart({ chart: 'mr', values: [1, 3, 10, 11, 15], exclude: [3] });
    expect(analysis.points.map((p) => p.y)).toEqual([null, 2, 7, 1, 4]);
    expectClose(analysis.phases[0]!.centre, (2 + 1 + 4) / 3);
    expectClose(analysis.points[0]!.ucl, 3.267 * (7 / 3));
    expect(analysis.points[0]!.lcl).toBe(0);
    expect(analysis.points[2]!.outside).toBe(null);
    expect(analysis.phases[0]!.runsSignal).toBe(false);
  });

  it('freeze 1 leaves no range: centre and ucl null, lcl still 0', () => {
    const analysis = analyseControlChart({ chart: 'mr', values: [1, 2, 3], freeze: 1 });
    expect(analysis.phases[0]!.centre).toBeNull();
    expect(analysis.points.map((p) => [p.lcl, p.ucl])).toEqual([[0, null], [0, null], [0, null]]);
  });

  it('never reports a runs signal, even for a long run', () => {
    const values = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 5, 0, 5, 0, 5, 0, 5, 0, 5, 0, 5, 0, 5];
    expect(analyseControlChart({ chart: 'mr', values }).phases[0]!.runsSignal).toBe(false);
    expect(analyseControlChart({ chart: 'i', values: values.map((_, i) => (i < 13 ? 1 : 5)) }).phases[0]!.runsSignal).toBe(true);
  });
});

describe('C chart', () => {
  it('lower limit raised to 0 when the mean is under 9; a missing count still has limits', () => {
    const analysis = analyseControlChart({ chart: 'c', values: [2, 4, null, 3, 15] });
    const centre = 24 / 4;
    expectClose(analysis.phases[0]!.centre, centre);
    expect(analysis.points[2]).toMatchObject({ y: null, lcl: 0, outside: null });
    expectClose(analysis.points[2]!.ucl, centre + 3 * Math.sqrt(centre));
    expect(analysis.points[4]!.outside).toBe('above');
  });

  it('all counts 0: centre 0, both limits 0, nothing outside', () => {
    const analysis = analyseControlChart({ chart: 'c', values: [0, 0, 0] });
    expect(analysis.points.every((p) => p.lcl === 0 && p.ucl === 0 && p.outside === null)).toBe(true);
  });
});

describe('U and P charts', () => {
  it('U: pooled rate, per-point limits, a missing value has no limits and 0/0 is missing', () => {
    const analysis = analyseControlChart({
      chart: 'u',
      values: [2, null, 0, 6],
      denominators: [10, 50, 0, 20],
    });
    const centre = 8 / 30;
    expectClose(analysis.phases[0]!.centre, centre);
    expect(analysis.points[1]).toMatchObject({ y: null, lcl: null, ucl: null, outside: null });
    expect(analysis.points[2]).toMatchObject({ y: null, lcl: null, ucl: null, outside: null });
    expectClose(analysis.points[0]!.ucl, centre + 3 * Math.sqrt(centre / 10));
    expect(analysis.points[0]!.lcl).toBe(0);
  });

  it('P: 0 % on a lower limit of 0 and 100 % on an upper limit of 1 are not outside; CL 0 or 1 gives s = 0', () => {
    const analysis = analyseControlChart({ chart: 'p', values: [0, 5, 2], denominators: [5, 5, 5] });
    expect(analysis.points[0]!.lcl).toBe(0);
    expect(analysis.points[0]!.outside).toBeNull();
    expect(analysis.points[1]!.ucl).toBe(1);
    expect(analysis.points[1]!.outside).toBeNull();

    const none = analyseControlChart({ chart: 'p', values: [0, 0], denominators: [4, 7] });
    expect(none.points.every((p) => p.lcl === 0 && p.ucl === 0 && p.outside === null)).toBe(true);
  });

  it('P: every denominator in the baseline 0 gives no centre and no limits', () => {
    const analysis = analyseControlChart({ chart: 'p', values: [0, 0, 3], denominators: [0, 0, 4], freeze: 2 });
    expect(analysis.phases[0]).toMatchObject({ centre: null, runsSignal: false, limits: 'none' });
    expect(analysis.points[2]).toMatchObject({ y: 0.75, lcl: null, ucl: null, outside: null });
  });
});

describe('G chart', () => {
  it('more than half the gaps 0: the median is 0 and the non-zero points are all above', () => {
    const analysis = analyseControlChart({ chart: 'g', values: [0, 0, 0, 0, 3, 5, 0, 4, 6, 2, 0] });
    expect(analysis.phases[0]!.centre).toBe(0);
    expect(analysis.points.filter((p) => p.side === 'above')).toHaveLength(5);
    expect(analysis.points.filter((p) => p.side === 'on')).toHaveLength(6);
  });
});

describe('phases, exclusions and runs', () => {
  it('each phase is its own chart (moving ranges do not cross the boundary) and freeze is ignored', () => {
    const values = [10, 11, 10, 11, 30, 31, 30, 31];
    const analysis = analyseControlChart({ chart: 'i', values, parts: [4], freeze: 2 });
    expect(analysis.freeze).toBeNull();
    expect(analysis.phases.map((p) => p.centre)).toEqual([10.5, 30.5]);
    expectClose(analysis.points[4]!.ucl, 30.5 + 3 / 1.128);
    expect(analysis.points.every((p) => p.outside === null)).toBe(true);

    const last = analyseControlChart({ chart: 'i', values: [1, 2, 3, 9], parts: [3] });
    expect(last.phases[1]).toMatchObject({ centre: 9, limits: 'none', runsSignal: false, nUseful: 0 });
  });

  it('six useful points on one side is a runs signal (no 10-point minimum on control charts)', () => {
    const analysis = analyseControlChart({ chart: 'c', values: [5, 5, 5, 5, 5, 5, 1], freeze: 1 });
    // Centre 5: six points on the line are skipped; only the 1 is useful.
    expect(analysis.phases[0]).toMatchObject({ nUseful: 1, runsSignal: false });
    const shifted = analyseControlChart({ chart: 'c', values: [5, 6, 6, 6, 6, 6, 6], freeze: 1 });
    expect(shifted.phases[0]).toMatchObject({ nUseful: 6, crossings: 0, crossingsMin: 1, runsSignal: true, fewCrossingsSignal: true });
    expect(shifted.points.slice(1).every((p) => p.side === 'above')).toBe(true);
  });

  it('excluded points are left out of the centre and the runs, but still plotted and judged', () => {
    const analysis = analyseControlChart({ chart: 'c', values: [4, 5, 4, 5, 40], exclude: [5] });
    expectClose(analysis.phases[0]!.centre, 4.5);
    expect(analysis.points[4]).toMatchObject({ y: 40, excluded: true, side: null, outside: 'above', inBaseline: false });
    expect(analysis.phases[0]!.nUseful).toBe(4);
  });

  it('marks the points of a run longer than the maximum', () => {
    const values = [1, 9, 1, 9, 9, 9, 9, 9, 9, 9, 9, 1];
    const analysis = analyseControlChart({ chart: 'i', values });
    expect(analysis.phases[0]!.longRunSignal).toBe(true);
    expect(analysis.points.filter((p) => p.inLongRun).map((p) => p.index)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
