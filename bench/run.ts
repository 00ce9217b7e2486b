import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type BenchArgs, readBenchArgs, REPORT_VIA_IPC } from './cli.js';

/** Each benchmark by name; its file is bench/<name>.ts. */
const BENCHMARKS = [
  'store-ops',
  'store-scale',
  'turn-latency',
  'parse-milestone',
  'runchart',
  'render-charts',
  'read-tracker',
  'startup',
  'slack-ack',
  'digest-scale',
  'meeting-pack',
];

const RESULTS = new URL('./RESULTS.md', import.meta.url);

/**
 * Runs every benchmark (or those named) one after another, each in a fresh process of its own,
 * prints each table as it is done, and after a full run writes them all to bench/RESULTS.md with the
 * machine and its load. A process each, because one process for all left each benchmark the heap,
 * the garbage and the compiled code of those before it: the 32-area digest run measured 1–2 s of
 * CPU more in a full run than on its own (issue 15).
 * Usage: npm run bench -- [name ...] [--rounds N] [--warm-up N]
 */
async function main(): Promise<void> {
  const args = readBenchArgs(process.argv.slice(2));
  const unknown = args.positionals.filter((name) => !BENCHMARKS.includes(name));
  if (unknown.length > 0) {
    const known = BENCHMARKS.join(', ');
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${known}`);
  }
  const names = args.positionals.length > 0 ? args.positionals : BENCHMARKS;
  const started = performance.now();
  const loadBefore = loadavg();
  const sections: string[] = [];
  for (const name of names) {
    const section = await runInOwnProcess(`${name}.ts`, args);
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

/**
 * Runs `bench/<file>` in a child process (Node with this process's loader, so tsx) and resolves to
 * the section it reports over IPC (cli.ts's runIfMain); its progress and errors go to this terminal.
 */
function runInOwnProcess(file: string, args: BenchArgs): Promise<string> {
  const argv = [
    ...(args.rounds === undefined ? [] : ['--rounds', String(args.rounds)]),
    ...(args.warmUp === undefined ? [] : ['--warm-up', String(args.warmUp)]),
  ];
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), argv, {
    execArgv: process.execArgv,
    env: { ...process.env, [REPORT_VIA_IPC]: '1' },
  });
  return new Promise((resolve, reject) => {
    let section: string | undefined;
    child.on('message', (message: { section?: unknown }) => {
      if (typeof message.section === 'string') section = message.section;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (section !== undefined && code === 0) resolve(section);
      else reject(new Error(`benchmark ${file} ended (${signal ?? `exit code ${code}`}) without a report`));
    });
  });
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
