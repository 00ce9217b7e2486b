import type { Db } from 'mongodb';
import { createApp, type App, type AppPlugins } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { adapterRoutes } from '../../src/main-routes.js';
import { ensureIndexes } from '../../src/store/collections.js';
import type { OpenStore } from '../../src/store/open-store.js';
import { openTestDb } from './test-db.js';

export interface TestAppOptions {
  /** Environment for `testConfig` (NODE_ENV=test, PORT=0, LOG_LEVEL=silent, scheduler off by default). */
  env?: Record<string, string>;
  /** Routes to serve; default: the composition root's `adapterRoutes`, as `npm start` serves them. */
  routes?: AppPlugins['routes'];
  jobs?: AppPlugins['jobs'];
  clock?: () => Date;
  logger?: Logger;
}

export interface TestApp {
  app: App;
  /** Base URL, e.g. http://127.0.0.1:54321 (no trailing slash). */
  url: string;
  db: Db;
  stop(): Promise<void>;
}

/**
 * The real app (createApp: restify server, adapters, conversation core) listening on port 0, over a
 * fresh database of its own on the shared test server. `stop()` closes the server and drops the database.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await openTestDb('app');
  await ensureIndexes(testDb.db);
  const store: OpenStore = {
    client: testDb.client,
    db: testDb.db,
    mode: process.env.MONGODB_URI ? 'mongodb' : 'embedded',
    location: `test database ${testDb.db.databaseName}`,
    async ping() {
      return testDb.db.command({ ping: 1 }).then(
        () => true,
        () => false,
      );
    },
    close: () => testDb.drop(),
  };
  const config = testConfig({ SCHEDULER_ENABLED: 'false', ...options.env });
  const app = await createApp(
    config,
    { routes: options.routes ?? adapterRoutes, ...(options.jobs && { jobs: options.jobs }) },
    {
      store,
      ...(options.clock && { clock: options.clock }),
      ...(options.logger && { logger: options.logger }),
    },
  );
  const { url } = await app.start();
  return {
    app,
    url,
    db: testDb.db,
    async stop() {
      await app.stop();
      await testDb.drop();
    },
  };
}
