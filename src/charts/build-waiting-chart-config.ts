import type { ChartConfiguration } from 'chart.js';
import { defaultChartSize } from './chart-size.js';
import { commonPluginOptions, staticChartOptions } from './common-plugin-options.js';
import { formatXLabel } from './format-x-label.js';
import { okabeIto } from './palette.js';
import { parseChartSpec } from './parse-chart-spec.js';
import { createBarValueLabelsPlugin } from './plugins/bar-value-labels.js';
import { type WaitingChartSpec, WaitingChartSpecSchema } from './waiting-chart-spec.js';
import { wrapText } from './wrap-text.js';

/** Bucket fills from short wait (cool, light) to long wait (warm), with a legible text colour each. */
const bucketFills = [
  { fill: okabeIto.sky, text: okabeIto.black },
  { fill: okabeIto.blue, text: '#ffffff' },
  { fill: okabeIto.orange, text: okabeIto.black },
  { fill: okabeIto.vermillion, text: okabeIto.black },
  { fill: okabeIto.purple, text: okabeIto.black },
  { fill: okabeIto.green, text: okabeIto.black },
  { fill: okabeIto.yellow, text: okabeIto.black },
  { fill: okabeIto.black, text: '#ffffff' },
];

/** Logical px of the chart not shared out between stages: the y axis with its title, and padding. */
const Y_AXIS_ROOM = 70;

/**
 * How wide a stage's name may be: its share of the x axis, less a gap so neighbours stay apart.
 * Names are wrapped to this rather than thinned out: Chart.js's auto-skip would drop whole stages.
 */
export function stageLabelWidth(stageCount: number): number {
  return Math.floor((defaultChartSize.width - Y_AXIS_ROOM) / Math.max(stageCount, 1)) - 10;
}

/**
 * The Chart.js configuration of the "still waiting" bar chart: one group (or stack) per stage,
 * one bar per waiting-time bucket, each labelled with its count.
 */
export function buildWaitingChartConfig(
  input: WaitingChartSpec,
): ChartConfiguration<'bar', number[], string[]> {
  const spec = parseChartSpec(WaitingChartSpecSchema, input, 'waiting chart');
  const stacked = spec.layout === 'stacked';
  const fills = spec.buckets.map((_, i) => bucketFills[i % bucketFills.length]);
  const common = commonPluginOptions(spec.title);
  return {
    type: 'bar',
    data: {
      // Stage names are long ("Accommodated → recommendation"): wrap them under their group.
      labels: spec.stages.map((stage) => wrapText(stage.name, stageLabelWidth(spec.stages.length))),
      datasets: spec.buckets.map((bucket, i) => ({
        label: bucket,
        data: spec.stages.map((stage) => stage.counts[i]),
        backgroundColor: fills[i].fill,
        borderColor: '#ffffff',
        borderWidth: stacked ? { top: 1 } : 0,
        categoryPercentage: 0.8,
        barPercentage: 0.9,
      })),
    },
    options: {
      ...staticChartOptions,
      scales: {
        // Every stage keeps its name: a bar group without one cannot be read.
        x: { stacked, grid: { display: false }, ticks: { maxRotation: 0, autoSkip: false } },
        y: {
          stacked,
          beginAtZero: true,
          // Room above the tallest bar for its count.
          grace: '12%',
          ticks: { precision: 0 },
          title: { display: true, text: 'children waiting' },
        },
      },
      plugins: {
        ...common,
        title: { ...common.title, padding: { top: 4, bottom: 2 } },
        subtitle: {
          display: true,
          text: `As of ${formatXLabel(spec.asOf, 'long')}; bars by time waited so far`,
          padding: { bottom: 8 },
        },
        legend: {
          ...common.legend,
          labels: { ...common.legend.labels, usePointStyle: false, boxWidth: 14 },
        },
      },
    },
    plugins: [
      createBarValueLabelsPlugin(
        stacked,
        fills.map((f) => f.text),
      ),
    ],
  };
}
