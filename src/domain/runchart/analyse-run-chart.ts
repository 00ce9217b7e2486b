import { analysePhase } from './analyse-phase.js';
import { parseRunChartInput } from './parse-run-chart-input.js';
import { phaseRanges } from './phase-ranges.js';
import type { PointAnalysis, RunChartAnalysis } from './run-chart-analysis.js';
import type { RunChartInput } from './run-chart-input.js';

/**
 * Applies the Anhøj and IHI run-chart rules (docs/runcharts.md) to a series, per phase.
 * Throws ValidationError when the settings do not fit the values.
 */
export function analyseRunChart(input: RunChartInput): RunChartAnalysis {
  const { values, freeze, parts = [], exclude = [] } = parseRunChartInput(input);
  const excluded = new Set(exclude.map((position) => position - 1));
  const isExcluded = (index: number) => excluded.has(index);
  const ranges = phaseRanges(values.length, parts, freeze);
  const results = ranges.map((range) => analysePhase(values, range, isExcluded));

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
    freeze: parts.length === 0 && freeze !== undefined ? freeze : null,
  };
}
