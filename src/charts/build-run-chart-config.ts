import type { ChartConfiguration } from 'chart.js';
import { defaultChartSize } from './chart-size.js';
import { commonPluginOptions, staticChartOptions } from './common-plugin-options.js';
import { formatXLabel } from './format-x-label.js';
import { monthTicks } from './month-ticks.js';
import { parseChartSpec } from './parse-chart-spec.js';
import { createPointLabelsPlugin } from './plugins/point-labels.js';
import {
  createVerticalMarkersPlugin,
  estimateMarkerRows,
  markerBandHeight,
} from './plugins/vertical-markers.js';
import { runChartColours, runChartDatasets } from './run-chart-datasets.js';
import { runChartLineLabels } from './run-chart-line-labels.js';
import { type RunChartSpec, RunChartSpecSchema } from './run-chart-spec.js';

const monthPattern = /^\d{4}-\d{2}$/;

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
  const count = spec.labels.length;
  const last = Math.max(count - 1, 1);
  const rows = estimateMarkerRows(
    spec.annotations.map((a) => a.index / last),
    spec.annotations.map((a) => a.label),
    defaultChartSize.width,
  );
  const monthly = spec.labels.every((label) => monthPattern.test(label));
  const xTitle = spec.xTitle ?? (monthly ? 'Month' : undefined);
  // One point per child, by date: each month named once, under its first child.
  const months = monthTicks(spec.labels);
  return {
    type: 'line',
    data: {
      labels: spec.labels.map((label) => formatXLabel(label)),
      datasets: runChartDatasets(spec),
    },
    options: {
      ...staticChartOptions,
      scales: {
        x: {
          type: 'category',
          title: { display: xTitle !== undefined, text: xTitle ?? '' },
          // Level labels, thinned by Chart.js, read better on a phone than a rotated wall of refs.
          ticks: months
            ? { maxRotation: 0, autoSkip: false, callback: (_value: unknown, index: number) => months[index] ?? null }
            : { maxRotation: 0, autoSkipPadding: 10 },
          grid: { display: false },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
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
        runChartColours.annotation,
      ),
      createPointLabelsPlugin(runChartLineLabels(spec)),
    ],
  };
}
