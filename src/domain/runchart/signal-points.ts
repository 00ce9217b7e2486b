import type { RunChartAnalysis } from './run-chart-analysis.js';

/**
 * Indices (0-based) of the points a chart should highlight under the chosen rule set: IHI shift
 * and trend points, or the points of Anhøj's over-long runs. Too few or too many runs/crossings
 * belong to the whole phase, not to any point, so they highlight nothing.
 */
export function signalPoints(analysis: RunChartAnalysis, ruleSet: 'ihi' | 'anhoej'): number[] {
  return analysis.points
    .filter((p) => (ruleSet === 'ihi' ? p.inShift || p.inTrend : p.inLongRun))
    .map((p) => p.index);
}
