import { analyseRunChart, parseRunChartInput } from '../src/domain/runchart/index.js';
import { median } from '../src/domain/runchart/median.js';
import { runIfMain } from './cli.js';
import { measure } from './harness.js';
import {
  type BenchOptions,
  type BenchReport,
  markdownTable,
  STATS_HEADERS,
  statsCells,
} from './report.js';

const SIZES = [24, 100, 1000];

/**
 * `analyseRunChart` (zod validation, median, runs, trends, both rule sets, per-point output)
 * against the median alone of the same values.
 */
export async function benchRunChart(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 200;
  const warmUp = options.warmUp ?? 5;
  const series = SIZES.map((n) => seriesWithShift(n));
  const stats = await measure(
    series.flatMap((values) => [
      { name: `${values.length} points: median() (baseline)`, run: () => median(values) },
      { name: `${values.length} points: analyseRunChart`, run: () => analyseRunChart({ values }) },
      {
        name: `${values.length} points: of which input validation`,
        run: () => parseRunChartInput({ values }),
      },
    ]),
    { rounds, warmUp, minSampleMs: 0.25 },
  );
  return {
    title: 'Run-chart analysis',
    intro:
      `\`analyseRunChart({ values })\` on a series with a shift half-way, ${rounds} rounds after ` +
      `${warmUp} warm-up; calls under 0.25 ms are repeated within a sample and divided out. ` +
      'Baseline, per size: `median()` of the same array (one copy and sort), the least any ' +
      'run-chart analysis does, so the ratio is what the rules and the point-by-point result ' +
      'cost on top. The third row of each size is the zod input validation ' +
      '(`parseRunChartInput`) that `analyseRunChart` runs first.',
    table: markdownTable(
      ['case', ...STATS_HEADERS],
      stats.map((s, i) => [s.name, ...statsCells(s, stats[i - (i % 3)])]),
    ),
  };
}

/** A deterministic series: noise around 50, then around 56 from the middle, so rules fire. */
function seriesWithShift(n: number): number[] {
  let seed = n;
  const random = () => {
    // mulberry32: a tiny seeded generator, so every run analyses the same numbers.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, (_, i) => Math.round(50 + (i >= n / 2 ? 6 : 0) + random() * 10));
}

await runIfMain(import.meta.url, benchRunChart);
