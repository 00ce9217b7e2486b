import { measureRunChartInput, type MeasurePoint, type RunChartSettings } from '../../domain/measures/index.js';
import {
  analyseControlChart,
  type ControlChartAnalysis,
  type ControlChartType,
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
 * series, so a chart window keeps the limits of the lead's baseline and phases (made from all
 * the data) rather than recomputing them from what happens to be in view.
 */
export function sliceControlAnalysis(
  analysis: ControlChartAnalysis,
  start: number,
  end: number,
): ControlChartAnalysis {
  const points = analysis.points
    .filter((p) => p.index >= start && p.index <= end)
    .map((p) => ({ ...p, index: p.index - start }));
  const kept = [...new Set(points.map((p) => p.phase))];
  const phases = kept.map((old) => {
    const phase = analysis.phases[old]!;
    const from = Math.max(phase.start, start) - start;
    const to = Math.min(phase.end, end) - start;
    return { ...phase, start: from, end: to, baselineEnd: Math.min(phase.baselineEnd - start, to) };
  });
  return {
    ...analysis,
    phases,
    points: points.map((p) => ({ ...p, phase: kept.indexOf(p.phase) })),
  };
}
