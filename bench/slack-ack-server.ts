import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { App as BoltApp } from '@slack/bolt';
import restify from 'restify';
import { RestifyReceiver } from '../adapters/slack/restify-receiver.js';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { runPlanDigests } from '../jobs/plan-digests.js';
import { createDigestWorkerPool } from '../src/digest/digest-worker-pool.js';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { COLLECTIONS } from '../src/store/collections.js';
import { adapterRoutes } from '../src/main-routes.js';
import { SECRET as SIGNING_SECRET } from '../test/fakes/slack-payloads.js';
import { digestDueAt, seedArea } from './digest-areas.js';

/**
 * One server for bench/slack-ack.ts, in a process of its own so its event loop is not the load
 * generator's: `bare` is Bolt on our restify receiver with listeners that only ack (the baseline),
 * `app` is pacebot as `npm start` builds it, on the embedded store in memory, replying to a fake
 * Slack at SLACK_API_URL. Prints `{"url": …}` when listening, then answers the bench over IPC:
 * event-loop delay around a burst, waiting until acknowledged turns are done, and (app only)
 * seeding areas, running a digest planning run over them, and forgetting its digests for the next.
 */
const DIGEST_NOW = new Date('2026-11-19T10:00:00Z');

type Message =
  | { cmd: 'lag-start' }
  | { cmd: 'lag-stop' }
  | { cmd: 'idle' }
  | { cmd: 'seed-areas'; count: number; cases: number }
  | { cmd: 'forget-digests' }
  | { cmd: 'digest-run' };

const [mode, slackApiUrl = ''] = process.argv.slice(2);
const lag = monitorEventLoopDelay({ resolution: 10 });
// The longest garbage-collection pause of this process's main thread while lag is measured.
let gcMaxMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, entry.duration);
}).observe({ entryTypes: ['gc'] });
let idle: () => Promise<void> = async () => {};
let digest: {
  seed: (count: number, cases: number) => Promise<string[]>;
  forget: () => Promise<void>;
  run: () => Promise<number> } | undefined;
let url: string;

if (mode === 'bare') {
  const logger = boltLogger(createLogger('silent'));
  const receiver = new RestifyReceiver({ signingSecret: SIGNING_SECRET, logger });
  const bolt = new BoltApp({ receiver, logger, token: 'xoxb-bench', botId: 'BBOT', botUserId: 'UBOT', convoStore: false });
  bolt.command('/pace', async ({ ack }) => ack());
  bolt.message(async () => {});
  const server = restify.createServer({ handleUncaughtExceptions: false });
  receiver.register(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
} else if (mode === 'app') {
  const config = testConfig({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: slackApiUrl,
    SCHEDULER_ENABLED: 'false',
    // Every turn of a 50-request burst in one workspace is taken on (none told "busy").
    TURNS_WAITING_PER_WORKSPACE: '100',
  });
  const app = await createApp(config, { routes: adapterRoutes });
  ({ url } = await app.start());
  idle = () => app.turns.idle();
  const logger = createLogger('silent');
  digest = {
    async seed(count, cases) {
      const ids = Array.from({ length: count }, (_, i) => `AREA${i}`);
      for (const id of ids) await seedArea(app.store.db, id, cases, DIGEST_NOW);
      return ids;
    },
    // The planned digests and their deliveries deleted, so the next run plans the same areas again
    // and the store stays the size of one national run.
    async forget() {
      await app.store.db.collection(COLLECTIONS.digests).deleteMany({});
      await app.store.db.collection(COLLECTIONS.deliveries).deleteMany({});
    },
    async run() {
      const at = await digestDueAt(app.store.db, 'AREA0', DIGEST_NOW);
      // As the app's scheduler runs it (src/main-jobs.ts): digests composed in a child process.
      const { uri } = app.store;
      const pool = uri ? createDigestWorkerPool({ mongoUri: uri, dbName: app.store.db.databaseName }) : null;
      try {
        const outcomes = await runPlanDigests({
          db: app.store.db,
          logger,
          clock: () => at,
          owner: 'bench',
          ...(pool && { compose: pool.compose }),
        });
        return Object.values(outcomes).filter((o) => o === 'planned').length;
      } finally {
        await pool?.close();
      }
    },
  };
} else {
  throw new Error(`mode must be bare or app, got ${mode}`);
}

// The bench went away (finished, or was stopped): so does this server.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: Message) => {
  void answer(message).then(
    (value) => process.send!({ cmd: message.cmd, value }),
    (error: unknown) => process.send!({ cmd: message.cmd, error: String(error) }),
  );
});

async function answer(message: Message): Promise<unknown> {
  switch (message.cmd) {
    case 'lag-start':
      lag.reset();
      lag.enable();
      gcMaxMs = 0;
      return null;
    case 'lag-stop':
      lag.disable();
      return { p99Ms: lag.percentile(99) / 1e6, maxMs: lag.max / 1e6, gcMaxMs };
    case 'idle':
      return idle();
    case 'seed-areas':
      if (!digest) throw new Error('no digests on the bare server');
      return (await digest.seed(message.count, message.cases)).length;
    case 'forget-digests':
      if (!digest) throw new Error('no digests on the bare server');
      return digest.forget();
    case 'digest-run':
      if (!digest) throw new Error('no digests on the bare server');
      return digest.run();
  }
}

process.stdout.write(`${JSON.stringify({ url })}\n`);
