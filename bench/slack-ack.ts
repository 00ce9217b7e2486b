import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { signSlackRequest, SECRET, type SlackRequest, slackEvent, slashCommand } from '../test/fakes/slack-payloads.js';
import { runIfMain } from './cli.js';
import { percentile } from './harness.js';
import { type BenchOptions, type BenchReport, markdownTable, ms, times } from './report.js';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const BURST = 50;
const DIGEST_AREAS = 32;
const DIGEST_CASES = 1000;
const BURST_GAP_MS = 1000;
/** Planning runs measured (BENCH_SLACK_ACK_DIGEST_RUNS). */
const DIGEST_RUNS = 5;

interface Child {
  process: ChildProcess;
  url: string;
  extra: Record<string, string>;
  ask: <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;
}

interface Lag {
  p99Ms: number;
  maxMs: number;
  /** The longest garbage-collection pause on the server's main thread. */
  gcMaxMs: number;
}

interface Figures {
  latencies: number[];
  lags: Lag[];
  /** GET /healthz sent in the middle of each burst (pacebot only). */
  health: number[];
}

/**
 * Slack acks under a burst: 50 signed requests at once (25 `/pace help` commands, 25 DMs saying
 * "help"), against pacebot as `npm start` builds it (embedded store in memory, replies to a fake
 * Slack in another process) and against the baseline, Bolt on our restify receiver with listeners
 * that only ack — each server in a process of its own, the load generator in this one. A burst's
 * latencies run from sending a request to its answer's headers; pacebot's turns finish before the
 * next burst. Then the same while pacebot runs 32-area digest planning runs in its process.
 *
 * A second copy of the baseline is measured alongside (an A/A control): the same server twice can
 * differ by chance, since one slow burst decides a p99, and its ratio to the first copy shows how
 * far a ratio moves on this machine with nothing to tell the two apart.
 */
export async function benchSlackAck(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 40;
  // Five bursts each before measuring: pacebot's first bursts run code V8 has not compiled yet
  // (burst 1 about 170 ms at p99, bursts 2-4 up to 70 ms); a server runs for days, so the figure
  // is for a warm one, and the bare servers get the same warm-up.
  const warmUp = options.warmUp ?? 5;
  const loadBefore = loadavg();
  const fake = await spawnChild('slack-ack-fake.ts', []);
  const bare = await spawnChild('slack-ack-server.ts', ['bare']);
  const twin = await spawnChild('slack-ack-server.ts', ['bare']);
  const app = await spawnChild('slack-ack-server.ts', ['app', fake.url]);
  try {
    const responseUrl = fake.extra.responseUrl!;
    const base = emptyFigures();
    const control = emptyFigures();
    const ours = emptyFigures();
    const servers: [Child, Figures][] = [[bare, base], [twin, control], [app, ours]];
    for (let round = 0; round < warmUp + rounds; round++) {
      for (const [child, figures] of rotated(servers, round)) {
        const result = await burst(child, responseUrl, round);
        if (round >= warmUp) {
          figures.latencies.push(...result.latencies);
          figures.lags.push(result.lag);
          if (child === app) figures.health.push(result.health);
        }
      }
    }

    const rows = [
      row('baseline: Bolt on restify, listeners only ack', base, base),
      row('second copy of the baseline (A/A control)', control, base),
      row('pacebot', ours, base),
    ];
    const notes: string[] = [];
    const digest = await duringDigest(app, bare, twin, responseUrl);
    if (digest) {
      rows.push(
        row(`baseline, during pacebot's ${DIGEST_AREAS}-area digest runs`, digest.base, digest.base),
        row('second copy of the baseline, during them', digest.control, digest.base),
        row(`pacebot, during its ${DIGEST_AREAS}-area digest runs`, digest.ours, digest.base),
      );
      const ratios = (key: 'ours' | 'control') => digest.runs.map((r) => times(r[key], r.base)).join(', ');
      notes.push(
        `Digest runs: ${digest.runs.length} × \`runPlanDigests\` over the same ${DIGEST_AREAS} areas × ` +
          `${DIGEST_CASES.toLocaleString('en-GB')} cases (the last run's digests deleted before the next), digests composed in a child process of lower priority as the ` +
          `scheduler composes them, planned in ${digest.runs.map((r) => (r.runMs / 1000).toFixed(1)).join(', ')} s, ` +
          `with a burst sent to each server about once a second meanwhile (${digest.bursts} each in all); ` +
          `pacebot's event-loop lag over the runs: p99 ${ms(digest.lag.p99Ms)} ms, max ${ms(digest.lag.maxMs)} ms; ` +
          `its longest garbage-collection pause ${ms(digest.lag.gcMaxMs)} ms.`,
        `p99 × baseline in each planning run on its own: pacebot ${ratios('ours')}; the second copy of the baseline ${ratios('control')}.`,
      );
    }
    notes.push(
      `pacebot's \`GET /healthz\`, sent in the middle of each burst: median ${ms(percentile(ours.health, 0.5))} ms, ` +
        `max ${ms(Math.max(...ours.health))} ms over ${ours.health.length} bursts (target: within 100 ms under any load).`,
    );
    const loadAfter = loadavg();
    const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
    notes.push(`Load average (1 / 5 / 15 min) ${load(loadBefore)} before this benchmark, ${load(loadAfter)} after.`);
    return {
      title: 'Slack ack latency',
      intro:
        `${BURST} signed requests sent at once (half \`/pace help\` slash commands, half DMs saying ` +
        '"help"), each server in a process of its own and the Slack fake in another; latency is ' +
        'from sending a request to its answer\'s headers. Baseline: Bolt 5 on our restify receiver ' +
        '(`adapters/slack/restify-receiver.ts`) with listeners that only ack, and a second copy of it ' +
        'as an A/A control: the spread of its ratio is what chance alone does to a ratio of p99s. ' +
        'pacebot: the whole app on the embedded store in memory, every turn answered at the fake (its ' +
        `turns finish before the next burst). ${rounds} bursts per server after ${warmUp} warm-up, ` +
        'interleaved, order rotating. Event-loop lag: `monitorEventLoopDelay` in the server process ' +
        'during each burst (median of the bursts\' p99 and max; during the digest runs, over the ' +
        'runs). The baseline\'s lag is what the machine\'s load alone does to an idle event loop. ' +
        'Targets (issue 15): p99 ≤ 1.5× baseline, also during the digest runs; lag p99 ≤ 50 ms during them.',
      table: markdownTable(
        ['server', 'requests', 'p50 ms', 'p99 ms', 'p99 × baseline', 'lag p99 ms', 'lag max ms'],
        rows,
      ),
      notes,
    };
  } finally {
    for (const child of [app, twin, bare, fake]) child.process.kill('SIGTERM');
  }
}

const emptyFigures = (): Figures => ({ latencies: [], lags: [], health: [] });

/** The servers in a different order each round, so none is always the one measured first. */
function rotated<T>(items: T[], round: number): T[] {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

function row(name: string, figures: Figures, base: Figures): string[] {
  const p99 = percentile(figures.latencies, 0.99);
  const lagOf = (key: keyof Lag) => percentile(figures.lags.map((l) => l[key]), 0.5);
  return [
    name,
    String(figures.latencies.length),
    ms(percentile(figures.latencies, 0.5)),
    ms(p99),
    times(p99, percentile(base.latencies, 0.99)),
    ms(lagOf('p99Ms')),
    ms(lagOf('maxMs')),
  ];
}

/** One burst at one server; waits until its acknowledged turns are done. */
async function burst(child: Child, responseUrl: string, round: number): Promise<{ latencies: number[]; lag: Lag; health: number }> {
  const requests: SlackRequest[] = [];
  for (let i = 0; i < BURST / 2; i++) {
    const user = `U-B${i}`;
    requests.push(slashCommand({ user_id: user, channel_id: `C-B${i}`, response_url: responseUrl }));
    requests.push(slackEvent({ event: { user, channel: `D-B${i}`, text: 'help', ts: `1700000${round}.${i}` } }));
  }
  await child.ask('lag-start');
  const sent = requests.map((r) => send(child.url, r));
  const health = await healthz(child.url);
  const latencies = await Promise.all(sent);
  await child.ask('idle');
  const lag = await child.ask<Lag>('lag-stop');
  return { latencies, lag, health };
}

/** Time to a /healthz answer (the bare server has none: it answers 404, just as fast). */
async function healthz(url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${url}/healthz`);
  const elapsed = performance.now() - start;
  await response.arrayBuffer();
  return elapsed;
}

async function send(url: string, request: SlackRequest): Promise<number> {
  const headers = {
    'content-type': request.contentType,
    ...signSlackRequest(request.body, SECRET, Math.floor(Date.now() / 1000)),
  };
  const start = performance.now();
  const response = await fetch(`${url}/slack/events`, { method: 'POST', headers, body: request.body });
  const elapsed = performance.now() - start;
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`ack ${response.status}`);
  return elapsed;
}

/**
 * Bursts at all three servers, in rotating order, for as long as each of pacebot's digest planning
 * runs lasts; each run plans the same 32 areas, the last run's digests deleted before it. Skipped
 * (null) with BENCH_SLACK_ACK_DIGEST=0, for a quick run; BENCH_SLACK_ACK_DIGEST_RUNS sets how many
 * runs (5): one run gives about a dozen bursts, and one slow burst decides a p99.
 */
async function duringDigest(app: Child, bare: Child, twin: Child, responseUrl: string) {
  if (process.env.BENCH_SLACK_ACK_DIGEST === '0') return null;
  const runCount = Number(process.env.BENCH_SLACK_ACK_DIGEST_RUNS ?? DIGEST_RUNS);
  if (!Number.isInteger(runCount) || runCount < 1) throw new Error('BENCH_SLACK_ACK_DIGEST_RUNS must be a whole number of at least 1');
  const base = emptyFigures();
  const control = emptyFigures();
  const ours = emptyFigures();
  const runs: { runMs: number; base: number; control: number; ours: number }[] = [];
  const lags: Lag[] = [];
  let bursts = 0;
  const seeding = performance.now();
  progress(`seeding ${DIGEST_AREAS} areas of ${DIGEST_CASES} cases in pacebot's store`);
  await app.ask('seed-areas', { count: DIGEST_AREAS, cases: DIGEST_CASES });
  progress(`seeded in ${((performance.now() - seeding) / 1000).toFixed(0)} s; bursts during ${runCount} digest runs`);
  for (let r = 0; r < runCount; r++) {
    if (r > 0) await app.ask('forget-digests');
    const servers: [Child, number[]][] = [[bare, []], [twin, []], [app, []]];
    for (const [child] of servers) await child.ask('lag-start');
    const started = performance.now();
    let done = false;
    const run = app.ask<number>('digest-run').finally(() => (done = true));
    // The first burst after a short wait, so it lands inside the run rather than before it starts.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let round = 0; !done; round++) {
      const results: [number[], number[]][] = [];
      for (const [child, into] of rotated(servers, round)) results.push([into, await burstNoLag(child, responseUrl, bursts)]);
      if (done) break; // the last burst may have ended after the run: keep only rounds inside it
      for (const [into, latencies] of results) into.push(...latencies);
      bursts++;
      // A burst a second, not back to back: the run is measured under traffic, not starved by it.
      await new Promise((resolve) => setTimeout(resolve, BURST_GAP_MS));
    }
    const planned = await run;
    const runMs = performance.now() - started;
    lags.push(await app.ask<Lag>('lag-stop'));
    // The baseline's lag over the same window: what the machine's load alone does to an event loop.
    base.lags.push(await bare.ask<Lag>('lag-stop'));
    control.lags.push(await twin.ask<Lag>('lag-stop'));
    if (planned !== DIGEST_AREAS) throw new Error(`planned ${planned} of ${DIGEST_AREAS} digests`);
    const [b, c, o] = servers.map(([, latencies]) => latencies);
    base.latencies.push(...b!);
    control.latencies.push(...c!);
    ours.latencies.push(...o!);
    runs.push({ runMs, base: percentile(b!, 0.99), control: percentile(c!, 0.99), ours: percentile(o!, 0.99) });
  }
  ours.lags.push(...lags);
  const worst = (key: keyof Lag) => Math.max(...lags.map((l) => l[key]));
  const lag = { p99Ms: worst('p99Ms'), maxMs: worst('maxMs'), gcMaxMs: worst('gcMaxMs') };
  return { base, control, ours, lag, runs, bursts };
}

/** Where a long benchmark is, on stderr (the report goes to stdout). */
function progress(line: string): void {
  process.stderr.write(`slack-ack: ${line}\n`);
}

/** A burst whose lag is not measured on its own (the digest run's whole window is). */
async function burstNoLag(child: Child, responseUrl: string, round: number): Promise<number[]> {
  const requests: SlackRequest[] = [];
  for (let i = 0; i < BURST / 2; i++) {
    requests.push(slashCommand({ user_id: `U-B${i}`, channel_id: `C-B${i}`, response_url: responseUrl }));
    requests.push(slackEvent({ event: { user: `U-B${i}`, channel: `D-B${i}`, text: 'help', ts: `1800000${round}.${i}` } }));
  }
  return Promise.all(requests.map((r) => send(child.url, r)));
}

async function spawnChild(file: string, args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', `${HERE}${file}`, ...args], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, MONGODB_URI: '' },
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${file} exited ${code} before listening`)));
  });
  const { url, ...extra } = JSON.parse(first) as { url: string } & Record<string, string>;
  const pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (message: { cmd: string; value?: unknown; error?: string }) => {
    const waiter = pending.get(message.cmd);
    pending.delete(message.cmd);
    if (message.error) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.value);
  });
  const ask = <T>(cmd: string, more: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      pending.set(cmd, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ cmd, ...more });
    });
  return { process: child, url, extra, ask };
}

await runIfMain(import.meta.url, benchSlackAck);
