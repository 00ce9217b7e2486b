import type { ChartConfiguration } from 'chart.js';
import { parseChartSpec } from './parse-chart-spec.js';
import { runChartColours, runChartDatasets } from './run-chart-datasets.js';
import { runChartLineLabels } from './run-chart-line-labels.js';
import { type RunChartSpec, RunChartSpecSchema } from './run-chart-spec.js';
import { seriesChartConfig } from './series-chart-config.js';

/**
 * The Chart.js configuration of a run chart: the series, one median line per phase (solid over
 * its baseline, dashed where extended), signal points as larger triangles, excluded points as
 * crosses, an optional dashed target, and tests of change as labelled vertical markers.
 * Pure apart from measuring label text, so tests can inspect exactly what will be drawn.
 */
export function buildRunChartConfig(
  input: RunChartSpec,
): ChartConfiguration<'line', (number | null)[], string> {
  const spec = parseChartSpec(RunChartSpecSchema, input, 'run chart');
  return seriesChartConfig({
    title: spec.title,
    unit: spec.unit,
    labels: spec.labels,
    ...(spec.xTitle !== undefined && { xTitle: spec.xTitle }),
    annotations: spec.annotations,
    datasets: runChartDatasets(spec),
    lineLabels: runChartLineLabels(spec),
    annotationColour: runChartColours.annotation,
    beginAtZero: true,
  });
}
