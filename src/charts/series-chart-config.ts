import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { defaultChartSize } from './chart-size.js';
import { commonPluginOptions, staticChartOptions } from './common-plugin-options.js';
import { formatXLabel } from './format-x-label.js';
import { monthTicks } from './month-ticks.js';
import { createPointLabelsPlugin, type PointLabel } from './plugins/point-labels.js';
import {
  createVerticalMarkersPlugin,
  estimateMarkerRows,
  markerBandHeight,
} from './plugins/vertical-markers.js';

const monthPattern = /^\d{4}-\d{2}$/;

/** What a run chart and a control chart share: points over time, a title, a unit, tests of change. */
export interface SeriesChartParts {
  title: string;
  unit: string;
  labels: string[];
  xTitle?: string;
  annotations: { index: number; label: string }[];
  datasets: ChartDataset<'line', (number | null)[]>[];
  lineLabels: PointLabel[];
  annotationColour: string;
  /** An I chart's limits may be negative and its values far from 0; the others count from 0. */
  beginAtZero: boolean;
}

/**
 * The Chart.js configuration both series charts draw with: the same axes, test-of-change markers
 * and line labels, so a run chart and a control chart read alike. Pure apart from measuring label text.
 */
export function seriesChartConfig(parts: SeriesChartParts): ChartConfiguration<'line', (number | null)[], string> {
  const last = Math.max(parts.labels.length - 1, 1);
  const rows = estimateMarkerRows(
    parts.annotations.map((a) => a.index / last),
    parts.annotations.map((a) => a.label),
    defaultChartSize.width,
  );
  const monthly = parts.labels.every((label) => monthPattern.test(label));
  const xTitle = parts.xTitle ?? (monthly ? 'Month' : undefined);
  // One point per child, by date: each month named once, under its first child.
  const months = monthTicks(parts.labels);
  return {
    type: 'line',
    data: {
      labels: parts.labels.map((label) => formatXLabel(label)),
      datasets: parts.datasets,
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
          beginAtZero: parts.beginAtZero,
          grace: '5%',
          title: { display: true, text: parts.unit },
        },
      },
      plugins: commonPluginOptions(parts.title, markerBandHeight(rows)),
    },
    plugins: [
      createVerticalMarkersPlugin(
        parts.annotations.map((a) => ({ x: a.index, label: a.label })),
        rows,
        parts.annotationColour,
      ),
      createPointLabelsPlugin(parts.lineLabels),
    ],
  };
}
