import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from './config.js';
import type { ConversationDeps } from './conversation/context.js';
import { StartupError } from './errors.js';
import { createLogger, type Logger } from './log.js';
import { setMetricsStore } from './metrics/metrics.js';
import { createScheduler, type JobDefinition, type Scheduler } from './scheduler.js';
import { createServer, type PacebotServer, type RouteRegistrar } from './server.js';
import { openStore, type OpenStore } from './store/open-store.js';
import { TurnQueue } from './turn-queue.js';

const delay = (ms: number) => sleep(ms, undefined, { ref: false });

/** What an adapter or job set needs from the running app to wire itself in. */
export interface AppParts {
  config: Readonly<Config>;
  logger: Logger;
  store: OpenStore;
  conversation: ConversationDeps;
  /** Acknowledged chat turns waiting or being worked on, bounded (adapters say "busy" beyond). */
  turns: TurnQueue;
}

/** Plug-ins the composition root (src/main.ts) or a test passes in: adapters' routes and job definitions. */
export interface AppPlugins {
  routes?: (parts: AppParts) => RouteRegistrar[] | Promise<RouteRegistrar[]>;
  jobs?: (parts: AppParts) => JobDefinition[];
}

export interface App extends AppParts {
  http: PacebotServer;
  scheduler: Scheduler | null;
  start(): Promise<{ url: string; port: number }>;
  /** Graceful stop: stop accepting, finish in-flight requests (bounded), stop the scheduler, close the database. */
  stop(): Promise<void>;
}

/**
 * Builds the whole service from config: store (MONGODB_URI or embedded), conversation core, adapters'
 * routes, scheduler. Tests call this with `testConfig()` and port 0, exactly as `npm start` does.
 */
export async function createApp(
  config: Readonly<Config>,
  plugins: AppPlugins = {},
  options: { clock?: () => Date; store?: OpenStore; logger?: Logger } = {},
): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const store =
    options.store ??
    (await openStore({ mongoUri: config.MONGODB_URI, dbName: config.MONGODB_DB, dataDir: config.NODE_ENV === 'test' ? undefined : config.DATA_DIR }).catch(
      (error: unknown) => {
        throw new StartupError('store', error);
      },
    ));
  const conversation: ConversationDeps = { db: store.db, logger, clock: options.clock ?? (() => new Date()), storeLocation: store.location };
  const turns = new TurnQueue({
    running: config.TURNS_RUNNING,
    runningPerWorkspace: config.TURNS_RUNNING_PER_WORKSPACE,
    waitingPerWorkspace: config.TURNS_WAITING_PER_WORKSPACE,
    waitingTotal: config.TURNS_WAITING_TOTAL,
    runningPerPerson: config.TURNS_RUNNING_PER_PERSON,
    waitingPerPerson: config.TURNS_WAITING_PER_PERSON,
  });
  const parts: AppParts = { config, logger, store, conversation, turns };
  const routes = (await plugins.routes?.(parts)) ?? [];
  const http = createServer(config, { logger, store, routes });
  const jobs = plugins.jobs?.(parts) ?? [];
  const scheduler = config.SCHEDULER_ENABLED === 'true' && jobs.length > 0 ? createScheduler(store.db, logger, jobs) : null;
  return {
    ...parts,
    http,
    scheduler,
    async start() {
      const address = await http.start();
      await scheduler?.start();
      // The store's indexes were created when it opened (openStore awaits them); Agenda's are now too.
      http.setStarted(true);
      setMetricsStore(store.db);
      return address;
    },
    async stop() {
      http.setStarted(false);
      setMetricsStore(null);
      await http.close();
      // Turns already acknowledged finish before the database closes (bounded like the requests).
      await Promise.race([turns.idle(), delay(config.SHUTDOWN_GRACE_MS)]);
      await scheduler?.stop();
      if (!options.store) await store.close();
    },
  };
}
