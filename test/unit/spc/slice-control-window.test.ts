import { describe, expect, it } from 'vitest';
import { analyseSeries } from '../../../src/domain/spc/index.js';
import { sliceControlAnalysis } from '../../../src/programme/measures/control-measure.js';

/**
 * A chart window cut from an analysis over all the data: the centre lines and limits stay those of
 * the whole series (the lead's phases), but the runs are judged on the points the window shows.
 */
describe('a window of a control chart with phases', () => {
  // Phase 1 (points 1–12): 8 and 12 in turn, then six 13s: mean 11.5, longest run 7 (limit 7),
  // 5 crossings (at least 3): no runs signal. Phase 2 (points 13–24): 5 and 6 in turn.
  const values = [8, 12, 8, 12, 8, 12, 13, 13, 13, 13, 13, 13, ...Array.from({ length: 12 }, (_, i) => 5 + (i % 2))];
  const whole = analyseSeries(values, 'i', { parts: [12] });

  it('judges the part of a phase in view on its own points, against the phase’s mean', () => {
    expect(whole.phases[0]).toMatchObject({ centre: 11.5, nUseful: 12, longestRun: 7, crossings: 5, runsSignal: false });
    // From point 7: the six 13s, all above the mean and never crossing it. For 6 points, a run
    // longer than 6 or fewer than 1 crossing is unusual: the window shows the second.
    const cut = sliceControlAnalysis(whole, 6, 23);
    expect(cut.phases[0]).toMatchObject({
      start: 0,
      end: 5,
      centre: 11.5,
      nUseful: 6,
      longestRun: 6,
      longestRunSide: 'above',
      longestRunMax: 6,
      crossings: 0,
      crossingsMin: 1,
      longRunSignal: false,
      fewCrossingsSignal: true,
      runsSignal: true,
    });
    expect(cut.points.slice(0, 6).map((p) => p.ucl)).toEqual(whole.points.slice(6, 12).map((p) => p.ucl));
  });

  it('leaves a phase wholly in view as it was, renumbered from the window’s first point', () => {
    const cut = sliceControlAnalysis(whole, 6, 23);
    const { start, end, baselineEnd, ...figures } = whole.phases[1]!;
    expect(cut.phases[1]).toEqual({ ...figures, start: start - 6, end: end - 6, baselineEnd: baselineEnd - 6 });
    expect(cut.points.map((p) => p.index)).toEqual(Array.from({ length: 18 }, (_, i) => i));
    expect(cut.points.slice(6)).toEqual(whole.points.slice(12).map((p) => ({ ...p, index: p.index - 6, phase: 1 })));
  });

  it('marks as a long run only a run long enough among the points shown', () => {
    // A baseline of 12 and 8 in turn (mean 10), then twelve 11s above it and five 9s below: all
    // the data shows a run of 12 (more than 8 is unusual for 25 points). A window of the last five
    // 11s and the 9s shows runs of 5 (at most 6 for 10 points), but only one crossing (2 expected).
    const frozen = analyseSeries([12, 8, 12, 8, 12, 8, 12, 8, ...Array(12).fill(11), 9, 9, 9, 9, 9], 'i', { freeze: 8 });
    expect(frozen.points.filter((p) => p.inLongRun).map((p) => p.index)).toEqual(Array.from({ length: 12 }, (_, i) => 8 + i));
    const cut = sliceControlAnalysis(frozen, 15, 24);
    // The baseline ended before the window: just before its first point, as on run charts.
    expect(cut.phases[0]).toMatchObject({ centre: 10, nUseful: 10, longestRun: 5, crossings: 1, longRunSignal: false, fewCrossingsSignal: true, baselineEnd: -1 });
    expect(cut.points.filter((p) => p.inLongRun)).toEqual([]);
  });
});
