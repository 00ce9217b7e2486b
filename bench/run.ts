import { writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { readBenchArgs } from './cli.js';
import { benchDigestScale } from './digest-scale.js';
import { benchMeetingPack } from './meeting-pack.js';
import { benchParseMilestone } from './parse-milestone.js';
import { benchReadTracker } from './read-tracker.js';
import { benchRenderCharts } from './render-charts.js';
import { type Benchmark, renderReport } from './report.js';
import { benchRunChart } from './runchart.js';
import { benchSlackAck } from './slack-ack.js';
import { benchStartup } from './startup.js';
import { benchStoreOps } from './store-ops.js';
import { benchStoreScale } from './store-scale.js';
import { benchTurnLatency } from './turn-latency.js';

const BENCHMARKS: Record<string, Benchmark> = {
  'store-ops': benchStoreOps,
  'store-scale': benchStoreScale,
  'turn-latency': benchTurnLatency,
  'parse-milestone': benchParseMilestone,
  runchart: benchRunChart,
  'render-charts': benchRenderCharts,
  'read-tracker': benchReadTracker,
  startup: benchStartup,
  'slack-ack': benchSlackAck,
  'digest-scale': benchDigestScale,
  'meeting-pack': benchMeetingPack,
};

const RESULTS = new URL('./RESULTS.md', import.meta.url);

/**
 * Runs every benchmark (or those named) one after another, prints each table as it is done, and
 * after a full run writes them all to bench/RESULTS.md with the machine and its load.
 * Usage: npm run bench -- [name ...] [--rounds N] [--warm-up N]
 */
async function main(): Promise<void> {
  const args = readBenchArgs(process.argv.slice(2));
  const unknown = args.positionals.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    const known = Object.keys(BENCHMARKS).join(', ');
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${known}`);
  }
  const names = args.positionals.length > 0 ? args.positionals : Object.keys(BENCHMARKS);
  const started = performance.now();
  const loadBefore = loadavg();
  const sections: string[] = [];
  for (const name of names) {
    const report = await BENCHMARKS[name]({ rounds: args.rounds, warmUp: args.warmUp });
    const section = renderReport(report);
    process.stdout.write(`${section}\n\n`);
    sections.push(section);
  }
  const seconds = (performance.now() - started) / 1000;
  if (args.positionals.length > 0) {
    process.stdout.write(`Took ${seconds.toFixed(0)} s; a partial run leaves RESULTS.md alone.\n`);
    return;
  }
  const header = describeMachine(loadBefore, loadavg(), seconds, args.rounds);
  await writeFile(RESULTS, `${[header, ...sections].join('\n\n')}\n`);
  process.stdout.write(`Took ${seconds.toFixed(0)} s. Wrote bench/RESULTS.md.\n`);
}

function describeMachine(
  before: number[],
  after: number[],
  seconds: number,
  rounds?: number,
): string {
  const cores = availableParallelism();
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  const busy = Math.max(before[0], after[0]) > cores;
  return [
    '# Benchmark results',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\`` +
      `${rounds === undefined ? '' : ` with \`--rounds ${rounds}\``} in ${seconds.toFixed(0)} s: ` +
      `Node ${process.version}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cores} CPUs ` +
      `(\`nproc\`), load average (1 / 5 / 15 min) ${load(before)} before and ` +
      `${load(after)} after. ` +
      'How to run and what each baseline is: [README.md](README.md).',
    busy
      ? '**The machine was under heavy load** from other work running alongside (a load ' +
        `above ${cores} means processes were queueing for a CPU). Wall-clock times include ` +
        'that waiting and vary from run to run; compare the ratios, and the CPU columns, which ' +
        'leave it out.'
      : 'The machine was otherwise idle enough that wall-clock and CPU times should agree.',
  ].join('\n\n');
}

await main();
