import { buildWaitingChartConfig } from './build-waiting-chart-config.js';
import { describeWaitingChart } from './describe-waiting-chart.js';
import { parseChartSpec } from './parse-chart-spec.js';
import { type RenderedChart, renderPng } from './render-png.js';
import { type WaitingChartSpec, WaitingChartSpecSchema } from './waiting-chart-spec.js';

/** Draws the "children still waiting" bar chart as a PNG with alt text giving every count. */
export async function renderWaitingChart(input: WaitingChartSpec): Promise<RenderedChart> {
  const spec = parseChartSpec(WaitingChartSpecSchema, input, 'waiting chart');
  const { png, width, height } = await renderPng(buildWaitingChartConfig(spec));
  return { png, alt: describeWaitingChart(spec), width, height };
}
