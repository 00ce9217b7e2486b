import { analysePhase } from './analyse-phase.js';
import { parseRunChartInput } from './parse-run-chart-input.js';
import { phaseRanges } from './phase-ranges.js';
import type { PointAnalysis, RunChartAnalysis } from './run-chart-analysis.js';
import type { RunChartInput } from './run-chart-input.js';

export interface AnalyseRunChartOptions {
  /**
   * The median of a baseline that began before the first value (a chart window that starts after a
   * lead's frozen baseline). It is used instead of recomputing a median from the values; `freeze`
   * then counts only the baseline points inside the series, and may be left out when there are none.
   * Ignored when the input has phases, which each have their own median.
   */
  baselineMedian?: number;
}

/**
 * Applies the Anhøj and IHI run-chart rules (docs/runcharts.md) to a series, per phase.
 * Throws ValidationError when the settings do not fit the values.
 */
export function analyseRunChart(
  input: RunChartInput,
  options: AnalyseRunChartOptions = {},
): RunChartAnalysis {
  const { values, freeze, parts = [], exclude = [] } = parseRunChartInput(input);
  const excluded = new Set(exclude.map((position) => position - 1));
  const isExcluded = (index: number) => excluded.has(index);
  const carried = parts.length === 0 ? options.baselineMedian : undefined;
  const ranges =
    carried === undefined
      ? phaseRanges(values.length, parts, freeze)
      : // Only the series' own baseline points (maybe none) count as baseline; the median is given.
        [{ start: 0, end: values.length - 1, baselineEnd: (freeze ?? 0) - 1 }];
  const results = ranges.map((range) => analysePhase(values, range, isExcluded, carried));

  const points: PointAnalysis[] = [];
  results.forEach((result, phase) => {
    const { start, end, baselineEnd } = result.phase;
    for (let index = start; index <= end; index++) {
      const side = result.sides.get(index) ?? null;
      points.push({
        index,
        value: values[index]!,
        phase,
        excluded: isExcluded(index),
        inBaseline: index <= baselineEnd && values[index] !== null && !isExcluded(index),
        side,
        useful: side === 'above' || side === 'below',
        inShift: result.shiftIndices.has(index),
        inLongRun: result.longRunIndices.has(index),
        inTrend: result.trendIndices.has(index),
      });
    }
  });
  return {
    phases: results.map((r) => r.phase),
    points,
    freeze: parts.length === 0 && (freeze !== undefined || carried !== undefined) ? (freeze ?? 0) : null,
  };
}
