import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Benchmark, type BenchOptions, renderReport } from './report.js';

export interface BenchArgs extends BenchOptions {
  positionals: string[];
}

/** `[positionals] [--rounds N] [--warm-up N]`; a bad number is an error, not a silent default. */
export function readBenchArgs(argv: string[]): BenchArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { rounds: { type: 'string' }, 'warm-up': { type: 'string' } },
  });
  return {
    positionals,
    rounds: count(values.rounds, '--rounds'),
    warmUp: count(values['warm-up'], '--warm-up'),
  };
}

function count(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${flag} must be a whole number, got "${raw}"`);
  }
  return value;
}

/** Set by bench/run.ts on each benchmark's process: report the section over IPC, not stdout. */
export const REPORT_VIA_IPC = 'BENCH_REPORT_VIA_IPC';

/**
 * Runs a benchmark file on its own (`npx tsx bench/<file>.ts [rounds] [--warm-up N]`) and prints
 * its table, or, started by bench/run.ts, sends it back; does nothing when the file is imported.
 */
export async function runIfMain(moduleUrl: string, bench: Benchmark): Promise<void> {
  const script = process.argv[1];
  if (!script || realpathSync(script) !== realpathSync(fileURLToPath(moduleUrl))) return;
  const args = readBenchArgs(process.argv.slice(2));
  const rounds = args.rounds ?? count(args.positionals[0], 'rounds');
  const report = await bench({ rounds, warmUp: args.warmUp });
  const section = renderReport(report);
  if (process.env[REPORT_VIA_IPC] && process.send) {
    // Some benchmarks leave handles behind (servers they closed, timers): the section is all
    // bench/run.ts waits for, so this process ends once it is sent.
    process.send({ section }, () => process.exit(0));
    return;
  }
  process.stdout.write(`${section}\n`);
}
