import { buildControlChartConfig } from './build-control-chart-config.js';
import { type ControlChartSpec, ControlChartSpecSchema } from './control-chart-spec.js';
import { describeControlChart } from './describe-control-chart.js';
import { parseChartSpec } from './parse-chart-spec.js';
import { type RenderedChart, renderPng } from './render-png.js';

/** Draws an already-analysed control chart as a PNG, with alt text naming the chart type and its signals. */
export async function renderControlChart(input: ControlChartSpec): Promise<RenderedChart> {
  const spec = parseChartSpec(ControlChartSpecSchema, input, 'control chart');
  const { png, width, height } = await renderPng(buildControlChartConfig(spec));
  return { png, alt: describeControlChart(spec), width, height };
}
