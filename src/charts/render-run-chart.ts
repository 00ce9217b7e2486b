import { buildRunChartConfig } from './build-run-chart-config.js';
import { describeRunChart } from './describe-run-chart.js';
import { parseChartSpec } from './parse-chart-spec.js';
import { type RenderedChart, renderPng } from './render-png.js';
import { type RunChartSpec, RunChartSpecSchema } from './run-chart-spec.js';

/** Draws an already-analysed run chart as a PNG, with alt text stating measure, period, median and signals. */
export async function renderRunChart(input: RunChartSpec): Promise<RenderedChart> {
  const spec = parseChartSpec(RunChartSpecSchema, input, 'run chart');
  const { png, width, height } = await renderPng(buildRunChartConfig(spec));
  return { png, alt: describeRunChart(spec), width, height };
}
