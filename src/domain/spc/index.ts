export { analyseControlChart } from './analyse-control-chart.js';
export { type AnalyseSeriesOptions, analyseSeries } from './analyse-series.js';
export type {
  ControlChartAnalysis,
  ControlPhase,
  ControlPoint,
  LimitsState,
} from './control-chart-analysis.js';
export { type ControlRuns, judgeRuns } from './judge-runs.js';
export { parseSpcInput } from './parse-spc-input.js';
export {
  CONTROL_CHART_TYPES,
  type ControlChartType,
  RATIO_CHARTS,
  type SpcInput,
  SpcInputSchema,
} from './spc-input.js';
export { type SpcSummary, spcSummary } from './spc-summary.js';
