import type { ChartConfiguration } from 'chart.js';
import { defaultChartSize } from './chart-size.js';
import { commonPluginOptions, staticChartOptions } from './common-plugin-options.js';
import { controlChartColours, controlChartDatasets } from './control-chart-datasets.js';
import { controlChartLineLabels } from './control-chart-line-labels.js';
import { type ControlChartSpec, ControlChartSpecSchema } from './control-chart-spec.js';
import { formatXLabel } from './format-x-label.js';
import { monthTicks } from './month-ticks.js';
import { parseChartSpec } from './parse-chart-spec.js';
import { createPointLabelsPlugin } from './plugins/point-labels.js';
import {
  createVerticalMarkersPlugin,
  estimateMarkerRows,
  markerBandHeight,
} from './plugins/vertical-markers.js';

const monthPattern = /^\d{4}-\d{2}$/;

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
  const last = Math.max(spec.labels.length - 1, 1);
  const rows = estimateMarkerRows(
    spec.annotations.map((a) => a.index / last),
    spec.annotations.map((a) => a.label),
    defaultChartSize.width,
  );
  const monthly = spec.labels.every((label) => monthPattern.test(label));
  const xTitle = spec.xTitle ?? (monthly ? 'Month' : undefined);
  // One point per child, by date: each month named once, under its first child (as on the run chart).
  const months = monthTicks(spec.labels);
  return {
    type: 'line',
    data: {
      labels: spec.labels.map((label) => formatXLabel(label)),
      datasets: controlChartDatasets(spec),
    },
    options: {
      ...staticChartOptions,
      scales: {
        x: {
          type: 'category',
          title: { display: xTitle !== undefined, text: xTitle ?? '' },
          ticks: months
            ? { maxRotation: 0, autoSkip: false, callback: (_value: unknown, index: number) => months[index] ?? null }
            : { maxRotation: 0, autoSkipPadding: 10 },
          grid: { display: false },
        },
        y: {
          type: 'linear',
          // I-chart limits may be negative and its values far from 0; the others count from 0.
          beginAtZero: spec.chartType !== 'i',
          grace: '5%',
          title: { display: true, text: spec.unit },
        },
      },
      plugins: commonPluginOptions(spec.title, markerBandHeight(rows)),
    },
    plugins: [
      createVerticalMarkersPlugin(
        spec.annotations.map((a) => ({ x: a.index, label: a.label })),
        rows,
        controlChartColours.annotation,
      ),
      createPointLabelsPlugin(controlChartLineLabels(spec)),
    ],
  };
}
