import { measureRunChartInput, type MeasurePoint, type RunChartSettings } from '../../domain/measures/index.js';
import {
  analyseControlChart,
  type ControlChartAnalysis,
  type ControlChartType,
  judgeRuns,
  type SpcInput,
} from '../../domain/spc/index.js';

/** A measure's control chart: the analysis (in the chart's own terms) and how to show its numbers. */
export interface MeasureControl {
  type: ControlChartType;
  analysis: ControlChartAnalysis;
  /** Multiply y, centre and limits by this to show them in the measure's unit (100 for a P chart in %). */
  scale: number;
}

/**
 * The SPC input for a measure series under a lead's settings: the same freeze, phases and
 * exclusions as the run chart. A P chart takes each point's counts ("17 of 20"); a point without
 * them is missing (its denominator is then ignored).
 */
export function measureSpcInput(
  points: readonly MeasurePoint[],
  settings: RunChartSettings,
  type: ControlChartType,
): SpcInput {
  const { values, ...rest } = measureRunChartInput(points, settings);
  if (type !== 'p' && type !== 'u') return { chart: type, values, ...rest };
  return {
    chart: type,
    values: points.map((p) => (p.value === null || p.numerator === undefined ? null : p.numerator)),
    denominators: points.map((p) => (p.value === null ? 0 : (p.denominator ?? 0))),
    ...rest,
  };
}

/** Analyses a measure series as a control chart. */
export function analyseMeasureControl(
  points: readonly MeasurePoint[],
  settings: RunChartSettings,
  type: ControlChartType,
  unit: string,
): MeasureControl {
  const analysis = analyseControlChart(measureSpcInput(points, settings, type));
  return { type, analysis, scale: type === 'p' && unit === '%' ? 100 : 1 };
}

/**
 * Keeps the points from `start` to `end` (0-based, inclusive) of an analysis made over a longer
 * series, so a chart window keeps the centre line and limits of the lead's baseline and phases
 * (made from all the data) rather than recomputing them from what happens to be in view. The
 * runs, crossings and signals are judged again on the points kept: the words, the marked points
 * and the proposals describe the chart as drawn, not runs that began before its first point.
 */
export function sliceControlAnalysis(
  analysis: ControlChartAnalysis,
  start: number,
  end: number,
): ControlChartAnalysis {
  const shown = analysis.points.filter((p) => p.index >= start && p.index <= end);
  const kept = [...new Set(shown.map((p) => p.phase))];
  const judged = kept.map((old) => {
    const inPhase = shown.filter((p) => p.phase === old);
    const useful = inPhase.flatMap((p) => (p.side === 'above' || p.side === 'below' ? [{ index: p.index, side: p.side }] : []));
    return { old, inPhase, runs: judgeRuns(analysis.chart, useful) };
  });
  const phases = judged.map(({ old, inPhase, runs: { longRun: _, ...runs } }) => {
    const phase = analysis.phases[old]!;
    const from = Math.max(phase.start, start) - start;
    const to = Math.min(phase.end, end) - start;
    // A baseline wholly before the window ends just before its first point, as on run charts.
    const baselineEnd = Math.max(from - 1, Math.min(phase.baselineEnd - start, to));
    const sigmaSignal = inPhase.some((p) => p.outside !== null);
    return { ...phase, start: from, end: to, baselineEnd, ...runs, sigmaSignal };
  });
  const points = judged.flatMap(({ inPhase, runs }, phase) =>
    inPhase.map((p) => ({ ...p, index: p.index - start, phase, inLongRun: runs.longRun.has(p.index) })),
  );
  return { ...analysis, phases, points };
}
