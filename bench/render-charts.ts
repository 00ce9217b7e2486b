import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { defaultChartSize } from '../src/charts/chart-size.js';
import {
  journeyExample,
  runChartPhasesExample,
  runChartShiftExample,
  waitingChartExample,
} from '../src/charts/examples.js';
import { renderJourneyTimeline } from '../src/charts/render-journey-timeline.js';
import { renderRunChart } from '../src/charts/render-run-chart.js';
import { renderWaitingChart } from '../src/charts/render-waiting-chart.js';
import { runIfMain } from './cli.js';
import { measure } from './harness.js';
import {
  type BenchOptions,
  type BenchReport,
  markdownTable,
  STATS_HEADERS,
  statsCells,
} from './report.js';

/**
 * How long each chart takes to render, against a baseline measured in the same run: an empty
 * chart.js line chart of the same size and pixel ratio, with no plugins. Ratios stay comparable
 * across machines and load where raw ms do not.
 */
export async function benchRenderCharts(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 10;
  const warmUp = options.warmUp ?? 2;
  const { width, height, pixelRatio } = defaultChartSize;
  const bare = new ChartJSNodeCanvas({ width, height });
  const renders: [name: string, render: () => Promise<Buffer>][] = [
    [
      'baseline: empty line chart',
      () =>
        bare.renderToBuffer({
          type: 'line',
          data: { labels: [], datasets: [] },
          options: { devicePixelRatio: pixelRatio },
        }),
    ],
    ['run chart, shift (40 points)', async () => (await renderRunChart(runChartShiftExample)).png],
    ['run chart, two phases', async () => (await renderRunChart(runChartPhasesExample)).png],
    ['waiting bars', async () => (await renderWaitingChart(waitingChartExample)).png],
    ['journey timeline', async () => (await renderJourneyTimeline(journeyExample)).png],
  ];
  const sizes = new Map<string, number>();
  const stats = await measure(
    renders.map(([name, render]) => ({
      name,
      run: async () => sizes.set(name, (await render()).length),
    })),
    { rounds, warmUp },
  );
  const [baseline] = stats;
  return {
    title: 'Chart rendering',
    intro:
      `Each chart rendered to PNG at ${width}×${height}, ${pixelRatio}× (` +
      `${width * pixelRatio}×${height * pixelRatio} pixels), ${rounds} rounds after ${warmUp} ` +
      'warm-up. Baseline: an empty chart.js line chart of the same size, no plugins — the fixed ' +
      'cost of a canvas, a chart.js instance and PNG encoding.',
    table: markdownTable(
      ['chart', ...STATS_HEADERS, 'PNG KB'],
      stats.map((s) => [
        s.name,
        ...statsCells(s, baseline),
        ((sizes.get(s.name) ?? 0) / 1024).toFixed(0),
      ]),
    ),
  };
}

await runIfMain(import.meta.url, benchRenderCharts);
