import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedServer } from '../src/store/embedded/embedded-server.js';
import { buildDist, ROOT } from './build-dist.js';
import { runIfMain } from './cli.js';
import { type CaseStats, percentile } from './harness.js';
import { type BenchOptions, type BenchReport, markdownTable, STATS_HEADERS, statsCells } from './report.js';

const POLL_MS = 5;

/**
 * The baseline: a bare restify server that imports the same SDKs as pacebot (Bot Framework, Bolt,
 * the MongoDB driver, restify) and answers /healthz, run by the same node with the same flags. The
 * ratio is what pacebot's own start-up adds: its modules, opening the store and creating indexes,
 * the adapters, Agenda.
 */
const BARE_SERVER = `
import 'botbuilder';
import '@slack/bolt';
import 'mongodb';
import restify from 'restify';
const server = restify.createServer();
server.get('/healthz', (_req, res, next) => { res.send(200, { status: 'ok' }); next(); });
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

interface StartCase {
  name: string;
  command: string;
  args: string[];
  /** Extra environment; `fresh` gives each start a new embedded data directory. */
  env?: Record<string, string>;
  freshDataDir?: boolean;
}

/**
 * Time from spawn to the first 200 from GET /healthz, polled every few milliseconds on a port picked
 * beforehand: what a container orchestrator or a load balancer sees after a restart. CPU is the
 * child's own (user + system, from /proc) up to that moment. Cases are interleaved round by round,
 * as everywhere in bench/.
 */
export async function benchStartup(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 6;
  const warmUp = options.warmUp ?? 1;
  buildDist();
  const mongo = await startEmbeddedServer();
  const external = { MONGODB_URI: mongo.uri, MONGODB_DB: 'bench-startup' };
  const node = process.execPath;
  const cases: StartCase[] = [
    { name: 'baseline: bare restify + the same SDKs', command: node, args: ['--no-deprecation', '--input-type=module', '-e', BARE_SERVER] },
    { name: '`node dist/src/main.js` (the container), MongoDB', command: node, args: ['--no-deprecation', 'dist/src/main.js'], env: external },
    { name: '`npm run start:prod`, MongoDB', command: 'npm', args: ['run', '--silent', 'start:prod'], env: external },
    { name: '`node dist/src/main.js`, embedded store (new DATA_DIR)', command: node, args: ['--no-deprecation', 'dist/src/main.js'], freshDataDir: true },
    { name: '`npm start` (tsx, compiles at start), MongoDB', command: 'npm', args: ['run', '--silent', 'start'], env: external },
  ];
  const samples = cases.map(() => [] as { wall: number; cpu: number }[]);
  try {
    for (let round = 0; round < warmUp + rounds; round++) {
      for (let step = 0; step < cases.length; step++) {
        const i = (round + step) % cases.length;
        const sample = await timeStart(cases[i]);
        if (round >= warmUp) samples[i].push(sample);
      }
    }
  } finally {
    await mongo.close();
  }
  const stats: CaseStats[] = cases.map((c, i) => ({
    name: c.name,
    medianMs: percentile(samples[i].map((s) => s.wall), 0.5),
    p95Ms: percentile(samples[i].map((s) => s.wall), 0.95),
    cpuMedianMs: percentile(samples[i].map((s) => s.cpu), 0.5),
    samples: samples[i].length,
    batch: 1,
  }));
  return {
    title: 'Start-up to /healthz',
    intro:
      'Time from spawning the process to the first 200 from `GET /healthz` (polled every ' +
      `${POLL_MS} ms on a port chosen beforehand), ${rounds} rounds after ${warmUp} warm-up, cases ` +
      'interleaved; each process is stopped with SIGTERM before the next starts. `NODE_ENV=production`, ' +
      "`SCHEDULER_ENABLED=true`, JSON logs to a pipe. \"MongoDB\" is a MongoDB-compatible server in the " +
      "bench's own process (the embedded server on loopback), reached through `MONGODB_URI` as in " +
      'production, on a database whose indexes exist after the warm-up, as on any restart. CPU is the ' +
      "child's own, user + system, read from `/proc` at the first 200 (10 ms ticks). " +
      'Baseline: a bare restify server importing `botbuilder`, `@slack/bolt`, `mongodb` and `restify` ' +
      'and answering `/healthz` (no database connection), run with the same `node --no-deprecation`.',
    table: markdownTable(['start', ...STATS_HEADERS], stats.map((s) => [s.name, ...statsCells(s, stats[0])])),
  };
}

async function timeStart(c: StartCase): Promise<{ wall: number; cpu: number }> {
  const port = await freePort();
  const dataDir = c.freshDataDir ? mkdtempSync(join(tmpdir(), 'pacebot-bench-')) : undefined;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    SCHEDULER_ENABLED: 'true',
    PORT: String(port),
    ...(dataDir && { DATA_DIR: dataDir }),
    ...c.env,
  };
  const started = performance.now();
  const child = spawn(c.command, c.args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${c.name} exited ${child.exitCode}: ${output}`);
      if (await healthy(port)) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (performance.now() - started > 60_000) throw new Error(`${c.name}: no /healthz within 60 s: ${output}`);
    }
    const wall = performance.now() - started;
    return { wall, cpu: cpuOfTree(child.pid!) };
  } finally {
    await stop(child);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** CPU milliseconds of a process and its descendants (npm's node child included), from /proc. */
function cpuOfTree(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  const stat = (p: number) => {
    const line = readFileSync(`/proc/${p}/stat`, 'utf8');
    return line.slice(line.lastIndexOf(')') + 2).split(' ');
  };
  const walk = (p: number) => {
    try {
      const fields = stat(p);
      total += Number(fields[11]) + Number(fields[12]); // utime, stime
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) walk(Number(child));
    } catch {
      // gone
    }
  };
  walk(pid);
  return (total / ticks) * 1000;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

await runIfMain(import.meta.url, benchStartup);
