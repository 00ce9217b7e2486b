import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Db, MongoClient } from 'mongodb';
import { runPlanDigests } from '../jobs/plan-digests.js';
import { buildDigest } from '../src/digest/build-digest.js';
import type { DigestComposer } from '../src/digest/compose-digest.js';
import { createDigestWorkerPool } from '../src/digest/digest-worker-pool.js';
import { nextDigestSlot } from '../src/digest/due-digest.js';
import { renderDigest } from '../src/digest/render-digest.js';
import { createLogger } from '../src/log.js';
import { ensureIndexes, COLLECTIONS } from '../src/store/collections.js';
import { startEmbeddedServer } from '../src/store/embedded/embedded-server.js';
import { workspaceStore } from '../src/store/workspace-store.js';
import { buildDist, ROOT } from './build-dist.js';
import { runIfMain } from './cli.js';
import { digestDueAt, seedArea, AREA_CYCLES } from './digest-areas.js';
import { cpuMsOf } from './process-cpu.js';
import { type BenchCase, measure, percentile } from './harness.js';
import {
  type BenchOptions,
  type BenchReport,
  markdownTable,
  ms,
  STATS_HEADERS,
  statsCells,
  times,
} from './report.js';

/** Comma-separated numbers from the environment, for a shorter run (e.g. BENCH_DIGEST_AREAS=8). */
function listFromEnv(name: string, fallback: number[]): number[] {
  const list = process.env[name]?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return list && list.length > 0 ? list : fallback;
}

const SIZES = listFromEnv('BENCH_DIGEST_SIZES', [250, 500, 1000, 2000]);
const AREA_CASES = 1000;
const AREA_COUNTS = listFromEnv('BENCH_DIGEST_AREAS', [8, 32]);
/** A fixed day, so every run digests the same data (the demo lays dates out backwards from it). */
const NOW = new Date('2026-11-19T10:00:00Z');

interface RunFigures {
  wallMs: number;
  cpuMs: number;
  /** Of cpuMs, the digest process's (0 when there is none). */
  childCpuMs: number;
  /** Event-loop delay while it ran, from `monitorEventLoopDelay` (10 ms resolution). */
  lagP99Ms: number;
  lagMaxMs: number;
}

/**
 * Digest building at scale, on the embedded store in memory in this process (so both ends of every
 * database round trip are paid here, as in a one-process deployment). First one digest of the demo
 * programme grown to 250–2,000 cases (five aim groups, 60 tests of change), against reading those
 * cases from the store; then whole planning runs over 8 and 32 such areas of 1,000 cases, against
 * reading every area's cases, with the event loop's delay while they run.
 */
export async function benchDigestScale(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 5;
  const warmUp = options.warmUp ?? 1;
  // Three of each (a 32-area run takes about 10 s), or up to 3 when rounds are asked for: one
  // run's CPU moved by 1–2 s from run to run with the machine's load.
  const runRounds = options.rounds === undefined ? 3 : Math.max(1, Math.min(rounds, 3));
  // Built first, before anything is timed: `npm run build` (tsc) straight before the compiled run
  // left the machine busy for it alone, and the compiled run measured 1–2 s of CPU more than the
  // source run in every full bench today, though it loads less.
  const compiledRuns = process.env.BENCH_DIGEST_COMPILED !== '0';
  if (compiledRuns) buildDist();
  const server = await startEmbeddedServer();
  const client = new MongoClient(server.uri);
  await client.connect();
  const db = client.db('bench_digest');
  const loadBefore = loadavg();
  try {
    await ensureIndexes(db);
    // The baseline reads D1000 whatever sizes are asked for.
    for (const size of new Set([...SIZES, 1000])) await seedArea(db, `D${size}`, size, NOW);
    const at = await digestDueAt(db, `D${SIZES[0]}`, NOW);
    const cases: BenchCase[] = [{ name: 'baseline: read 1,000 cases', run: () => readCases(db, `D1000`) }];
    for (const size of SIZES) {
      cases.push({ name: `one digest, ${size.toLocaleString('en-GB')} cases`, run: () => oneDigest(db, `D${size}`, at) });
    }
    const stats = await measure(cases, { rounds, warmUp });
    const digestRows = stats.map((s) => [s.name, ...statsCells(s, stats[0]!)]);
    // The embedded store keeps its data in this process's heap, which the collector then walks
    // during every later run: each planning run is measured with only its own areas stored.
    await db.dropDatabase();

    const runRows: string[][] = [];
    const splits: string[] = [];
    let compiledCpuMs: number | undefined;
    const perArea: number[] = [];
    for (const count of AREA_COUNTS) {
      // Each run in a database of its own: a planning run covers every programme it finds.
      const areaDb = client.db(`bench_areas_${count}`);
      await ensureIndexes(areaDb);
      const ids = Array.from({ length: count }, (_, i) => `A${i}`);
      for (const id of ids) await seedArea(areaDb, id, AREA_CASES, NOW);
      // Seeding's garbage is no run's. Collected, the heap starts each count's runs as a server's
      // does after a quiet spell (V8's memory reducer collects and shrinks it then).
      collectGarbage();
      const options = { mongoUri: server.uri, dbName: areaDb.databaseName };
      const base: RunFigures[] = [];
      const runs: RunFigures[] = [];
      // The largest run also with the compiled digest process, as `npm run start:prod` and the
      // container run it: the same work, without loading every module through tsx first.
      const compiled: RunFigures[] = [];
      const withCompiled = count === Math.max(...AREA_COUNTS) && compiledRuns;
      for (let round = 0; round < runRounds; round++) {
        base.push(await timeRun(() => Promise.all(ids.map((id) => readCases(areaDb, id)))));
        // As the app runs it: digests composed in a child process with its own connection, a
        // fresh one for each run, as the job's runs five minutes apart meet it (it ends after a
        // minute idle).
        const source = () => coldRun(createDigestWorkerPool, options, areaDb, ids, at);
        const built = async () => coldRun(await compiledPoolFactory(), options, areaDb, ids, at);
        // Taking turns to go first: the run after another meets the garbage and the heap it left.
        if (withCompiled && round % 2 === 1) {
          compiled.push(await built());
          runs.push(await source());
        } else {
          runs.push(await source());
          if (withCompiled) compiled.push(await built());
        }
      }
      await areaDb.dropDatabase();
      const b = median(base);
      const r = median(runs);
      splits.push(
        `${count} areas: ${runs.map(split).join('; ')}` +
          (compiled.length > 0 ? `; compiled: ${compiled.map(split).join('; ')}` : ''),
      );
      // The event loop idle for as long as the run took: the delay the machine alone adds (a busy
      // machine keeps even an idle thread waiting for a CPU), the floor of the lag columns.
      const idle = await timeRun(() => new Promise((resolve) => setTimeout(resolve, Math.min(r.wallMs, 10_000))));
      perArea.push(r.cpuMs / count);
      runRows.push(
        [`idle event loop, ${(Math.min(r.wallMs, 10_000) / 1000).toFixed(1)} s`, '', '', '', '', ms(idle.lagP99Ms), ms(idle.lagMaxMs)],
        [`baseline: read the cases of ${count} areas`, ...runCells(b, b)],
        [`planning run, ${count} areas × ${AREA_CASES.toLocaleString('en-GB')} cases`, ...runCells(r, b)],
      );
      if (compiled.length > 0) {
        runRows.push([`the same, digest process compiled (\`npm run build\`, as the container runs it)`, ...runCells(median(compiled), b)]);
        compiledCpuMs = median(compiled).cpuMs;
      }
    }
    const loadAfter = loadavg();
    const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
    const perAreaNote = AREA_COUNTS.map((count, i) => `${ms(perArea[i]!)} ms at ${count} areas`).join(', ');
    const linear = perArea.length > 1 ? ` (${(perArea.at(-1)! / perArea[0]!).toFixed(2)}×: 1.00 is linear growth)` : '';
    return {
      title: 'Digest scale',
      intro:
        'Digests built from the Glenmoray demo (`src/demo`) grown to the given number of cases, ' +
        `with its five aim groups and ${AREA_CYCLES} tests of change, on the embedded store in ` +
        'memory in this process. One digest is what a planning run does per area (the digest ' +
        'model, its charts and the channel and lead messages), without storing it; baseline: ' +
        'reading the 1,000 cases of one area with the digest\'s projection. ' +
        `${rounds} rounds after ${warmUp} warm-up.`,
      table: [
        markdownTable(['one digest', ...STATS_HEADERS], digestRows),
        'Whole planning runs (`runPlanDigests`, as the `plan-digests` job calls it: compose each ' +
          'area\'s digest in the digest process, store it and enqueue its deliveries) over ' +
          `${AREA_COUNTS.join(' and ')} areas of 1,000 cases, ` +
          `median of ${runRounds} run${runRounds === 1 ? '' : 's'} each, interleaved with the ` +
          'baseline: reading every area\'s cases. CPU is this process\'s and the digest process\'s, all threads of both. ' +
          'Event-loop lag is `monitorEventLoopDelay` during the run (what an ack waiting in this ' +
          'process would wait); the idle row is the same measure with nothing running, for as long ' +
          'as the run took (up to 10 s): what the machine\'s load alone adds.',
        markdownTable(
          ['planning run', 'wall s', '× baseline', 'CPU s', 'CPU × baseline', 'lag p99 ms', 'lag max ms'],
          runRows,
        ),
      ].join('\n\n'),
      notes: [
        `CPU per area: ${perAreaNote}${linear}.`,
        'Each planning run\'s CPU, this process + the digest process (s), in the order run: ' + `${splits.join('. ')}.`,
        ...fixedAndMarginal(AREA_COUNTS, perArea),
        ...(compiledCpuMs === undefined
          ? []
          : [
              'Each planning run starts a fresh digest process, so every run includes ' +
                'loading its modules and its first digest while V8 compiles the code it runs. Compiled, the ' +
                `${Math.max(...AREA_COUNTS)}-area run took ${(compiledCpuMs / 1000).toFixed(2)} s of CPU.`,
            ]),
        `Load average (1 / 5 / 15 min) ${load(loadBefore)} before this benchmark, ${load(loadAfter)} after.`,
      ],
    };
  } finally {
    await client.close();
    await server.close();
  }
}

/**
 * A planning run's CPU split into what it costs whatever the number of areas (starting the digest
 * process, loading its modules, its first digests while V8 compiles) and what each area adds: the
 * straight line through the smallest and largest run. The target of issue 15 is about the sum at 32
 * areas; how it grows is the slope.
 */
function fixedAndMarginal(counts: number[], perArea: number[]): string[] {
  if (counts.length < 2) return [];
  const [small, large] = [0, counts.length - 1];
  const [a, b] = [counts[small]!, counts[large]!];
  const [cpuA, cpuB] = [perArea[small]! * a, perArea[large]! * b];
  const marginal = (cpuB - cpuA) / (b - a);
  const fixed = cpuA - marginal * a;
  return [
    `Through the ${a}- and ${b}-area runs: each area adds ${ms(marginal)} ms of CPU, and a run costs ` +
      `${(fixed / 1000).toFixed(2)} s whatever its size (the digest process's start and first digests).`,
  ];
}

function readCases(db: Db, workspaceId: string) {
  const projection = { caseRef: 1, milestones: 1, groupKey: 1 };
  return workspaceStore(db, workspaceId).cases.find({}, { projection }).toArray();
}

/** One digest's model and messages, as the planning run makes them. */
async function oneDigest(db: Db, workspaceId: string, at: Date) {
  const store = workspaceStore(db, workspaceId);
  const programme = (await store.programmes.findOne({}))!;
  const slot = nextDigestSlot(programme, at)!;
  const meeting = { at: slot.meeting.at, localDate: slot.meeting.localDate };
  return renderDigest(await buildDigest(store, programme, meeting, at));
}

async function planningRun(db: Db, ids: string[], at: Date, compose: DigestComposer) {
  const logger = createLogger('silent');
  const outcomes = await runPlanDigests({ db, logger, clock: () => at, owner: 'bench', compose });
  const planned = ids.filter((id) => outcomes[id] === 'planned').length;
  if (planned !== ids.length) throw new Error(`planned ${planned} of ${ids.length} digests`);
}

/** Planning runs skip areas whose digest exists: each run starts from none. */
async function clearDigests(db: Db) {
  await db.collection(COLLECTIONS.digests).deleteMany({});
  await db.collection(COLLECTIONS.deliveries).deleteMany({});
  const used = { $set: { status: 'active' }, $unset: { usedInDigest: '' } };
  await db.collection(COLLECTIONS.prompts).updateMany({ kind: 'question' }, used);
}

/** One planning run in a digest process of its own, started for it and closed after it. */
async function coldRun(
  createPool: typeof createDigestWorkerPool,
  options: { mongoUri: string; dbName: string },
  db: Db,
  ids: string[],
  at: Date,
): Promise<RunFigures> {
  await clearDigests(db);
  const pool = createPool(options);
  try {
    return await timeRun(() => planningRun(db, ids, at, pool.compose), pool.pid);
  } finally {
    await pool.close();
  }
}

/** A run's CPU as this process's + the digest process's, in seconds. */
function split(r: RunFigures): string {
  const s = (v: number) => (v / 1000).toFixed(2);
  return `${s(r.cpuMs - r.childCpuMs)} + ${s(r.childCpuMs)}`;
}

/** The digest process pool from dist/, built at the start of the bench. */
async function compiledPoolFactory(): Promise<typeof createDigestWorkerPool> {
  const compiled = pathToFileURL(join(ROOT, 'dist/src/digest/digest-worker-pool.js')).href;
  return ((await import(compiled)) as { createDigestWorkerPool: typeof createDigestWorkerPool }).createDigestWorkerPool;
}

/**
 * A full garbage collection of this process, on demand (V8's `gc`, exposed without a command-line
 * flag so `npx tsx bench/digest-scale.ts` works as it is).
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/**
 * Times `run`: wall clock, event-loop lag, and CPU of this process and of the digest process
 * (`childPid`, read before the pool closes it; one started during the run counts from zero).
 */
async function timeRun(run: () => Promise<unknown>, childPid: () => number | undefined = () => undefined): Promise<RunFigures> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpuStart = process.cpuUsage();
  const childStart = { pid: childPid(), ms: cpuMsOf(childPid()) };
  const start = performance.now();
  await run();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const childNow = childPid();
  const childMs = cpuMsOf(childNow) - (childNow === childStart.pid ? childStart.ms : 0);
  lag.disable();
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000 + childMs,
    childCpuMs: childMs,
    lagP99Ms: lag.percentile(99) / 1e6,
    lagMaxMs: lag.max / 1e6,
  };
}

function median(runs: RunFigures[]): RunFigures {
  const of = (key: keyof RunFigures) => percentile(runs.map((r) => r[key]), 0.5);
  return {
    wallMs: of('wallMs'),
    cpuMs: of('cpuMs'),
    childCpuMs: of('childCpuMs'),
    lagP99Ms: of('lagP99Ms'),
    lagMaxMs: of('lagMaxMs'),
  };
}

function runCells(r: RunFigures, b: RunFigures): string[] {
  const s = (v: number) => (v / 1000).toFixed(2);
  return [s(r.wallMs), times(r.wallMs, b.wallMs), s(r.cpuMs), times(r.cpuMs, b.cpuMs), ms(r.lagP99Ms), ms(r.lagMaxMs)];
}

await runIfMain(import.meta.url, benchDigestScale);
