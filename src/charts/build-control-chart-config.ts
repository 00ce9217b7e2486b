import type { ChartConfiguration } from 'chart.js';
import { controlChartColours, controlChartDatasets } from './control-chart-datasets.js';
import { controlChartLineLabels } from './control-chart-line-labels.js';
import { type ControlChartSpec, ControlChartSpecSchema } from './control-chart-spec.js';
import { parseChartSpec } from './parse-chart-spec.js';
import { seriesChartConfig } from './series-chart-config.js';

/**
 * The Chart.js configuration of a control chart: the series, its centre line per phase (solid over
 * the baseline, dashed where extended), dashed grey 3-sigma limits (stepped on P and U charts),
 * points outside the limits as triangles, points in a long run as squares, excluded points as
 * crosses, the target and tests of change. The same drawing patterns as the run chart, so the two
 * read alike. Pure apart from measuring label text.
 */
export function buildControlChartConfig(
  input: ControlChartSpec,
): ChartConfiguration<'line', (number | null)[], string> {
  const spec = parseChartSpec(ControlChartSpecSchema, input, 'control chart');
  return seriesChartConfig({
    title: spec.title,
    unit: spec.unit,
    labels: spec.labels,
    ...(spec.xTitle !== undefined && { xTitle: spec.xTitle }),
    annotations: spec.annotations,
    datasets: controlChartDatasets(spec),
    lineLabels: controlChartLineLabels(spec),
    annotationColour: controlChartColours.annotation,
    beginAtZero: spec.chartType !== 'i',
  });
}
