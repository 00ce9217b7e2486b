import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  journeyExample,
  runChartPhasesExample,
  runChartShiftExample,
  waitingChartExample,
} from '../charts/examples.js';
import { iChartExample, pChartExample } from '../charts/control-chart-examples.js';
import { renderControlChart } from '../charts/render-control-chart.js';
import { renderJourneyTimeline } from '../charts/render-journey-timeline.js';
import type { RenderedChart } from '../charts/render-png.js';
import { renderRunChart } from '../charts/render-run-chart.js';
import { renderWaitingChart } from '../charts/render-waiting-chart.js';

/**
 * Regenerates the example charts in docs/charts/ from deterministic data, so a change to the
 * drawing code shows up as a visible diff in review. Usage: npx tsx src/cli/chart-examples.ts [dir]
 */
async function main(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const charts: [string, Promise<RenderedChart>][] = [
    ['run-chart-shift.png', renderRunChart(runChartShiftExample)],
    ['run-chart-phases.png', renderRunChart(runChartPhasesExample)],
    ['waiting.png', renderWaitingChart(waitingChartExample)],
    ['journey.png', renderJourneyTimeline(journeyExample)],
    ['i-chart.png', renderControlChart(iChartExample)],
    ['p-chart.png', renderControlChart(pChartExample)],
  ];
  for (const [file, rendering] of charts) {
    const chart = await rendering;
    await writeFile(join(outDir, file), chart.png);
    process.stdout.write(
      `${file}: ${chart.width}×${chart.height}, ${Math.round(chart.png.length / 1024)} KB\n  alt: ${chart.alt}\n`,
    );
  }
}

await main(process.argv[2] ?? 'docs/charts');
