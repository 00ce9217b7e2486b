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
 * A percentage axis stops just above 100: with room added above the data Chart.js rounded it up to
 * 120, a share no measure can reach. 105 leaves a point or limit at 100 whole; the top tick is 100.
 * Other units, or data above 100 (a count in a % measure by mistake), keep the automatic axis.
 */
function percentAxis(parts: SeriesChartParts): { max: number; ticks: { includeBounds: false } } | null {
  if (parts.unit.trim() !== '%') return null;
  const values = parts.datasets.flatMap((d) => d.data).filter((v): v is number => typeof v === 'number');
  return values.every((v) => v <= 100) ? { max: 105, ticks: { includeBounds: false } } : null;
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
          ...percentAxis(parts),
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
