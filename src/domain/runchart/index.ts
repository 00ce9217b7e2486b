export { analyseRunChart } from './analyse-run-chart.js';
export { anhoejLimits } from './anhoej-limits.js';
export { type DescribeSignalsOptions, describeSignals } from './describe-signals.js';
export { ihiRunsLimits } from './ihi-runs-limits.js';
export { parseRunChartInput } from './parse-run-chart-input.js';
export { phaseSummary } from './phase-summary.js';
export type { PhaseAnalysis, PointAnalysis, RunChartAnalysis } from './run-chart-analysis.js';
export { type RunChartInput, RunChartInputSchema } from './run-chart-input.js';
export { signalPoints } from './signal-points.js';
