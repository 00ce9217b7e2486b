import { analyseControlChart } from './analyse-control-chart.js';
import type { ControlChartAnalysis } from './control-chart-analysis.js';
import type { ControlChartType, SpcInput } from './spc-input.js';

export type AnalyseSeriesOptions = Omit<SpcInput, 'chart' | 'values'>;

/**
 * The same analysis with the series first, for callers that hold values and settings apart
 * (predictions, baseline proposals): `analyseSeries(values, 'i', { freeze: 12 })`.
 */
export function analyseSeries(
  values: SpcInput['values'],
  chart: ControlChartType,
  options: AnalyseSeriesOptions = {},
): ControlChartAnalysis {
  return analyseControlChart({ chart, values, ...options });
}
