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

/**
 * How long each chart takes to render, as ms per chart and as a multiple of a baseline measured in
 * the same run: an empty chart.js line chart of the same size and pixel ratio, with no plugins.
 * Ratios stay comparable across machines and load where raw ms do not.
 * Usage: npx tsx bench/render-charts.ts [rounds=20]
 */
const rounds = Number(process.argv[2] ?? 20);
const warmUp = 3;

const { width, height, pixelRatio } = defaultChartSize;
const bare = new ChartJSNodeCanvas({ width, height });

const cases: [name: string, render: () => Promise<Buffer>][] = [
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

const timings = cases.map(() => [] as number[]);
const sizes = cases.map(() => 0);
// Rounds interleave the cases so a burst of load on the machine hits them all alike.
for (let round = 0; round < warmUp + rounds; round++) {
  for (const [index, [, render]] of cases.entries()) {
    const start = performance.now();
    const png = await render();
    const elapsed = performance.now() - start;
    if (round >= warmUp) timings[index].push(elapsed);
    sizes[index] = png.length;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const baseline = median(timings[0]);
const lines = [
  `Chart rendering, ${width}×${height} at ${pixelRatio}× (${width * pixelRatio}×${height * pixelRatio} PNG), ${rounds} rounds after ${warmUp} warm-up, medians:`,
  '',
  '| chart | ms per chart | × baseline | PNG KB |',
  '| --- | ---: | ---: | ---: |',
  ...cases.map(([name], i) => {
    const ms = median(timings[i]);
    return `| ${name} | ${ms.toFixed(1)} | ${(ms / baseline).toFixed(2)} | ${(sizes[i] / 1024).toFixed(0)} |`;
  }),
];
process.stdout.write(`${lines.join('\n')}\n`);
