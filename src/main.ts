import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { ConfigError } from './errors.js';
import { parseMilestoneStatement } from './domain/parse-milestone.js';
import { adapterRoutes } from './main-routes.js';
import { jobDefinitions } from './main-jobs.js';
import { repairAtStart } from './repair-at-start.js';
import { VERSION } from './version.js';

/** Composition root: config → store → adapters → server → scheduler. `npm start` runs this file. */
async function main(): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`pacebot cannot start — fix the configuration:\n${error.problems.map((p) => `  ${p}`).join('\n')}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config, { routes: adapterRoutes, jobs: jobDefinitions });
  const { url } = await app.start();
  app.logger.info({ url, store: app.store.mode, version: VERSION }, 'pacebot listening');
  const lines = [
    `pacebot ${VERSION} listening on ${url}`,
    `store: ${app.store.location}`,
    config.webChatEnabled ? `local chat: open ${url}/ in your browser` : 'local chat: off',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stopRepair = repairAtStart(app);
  // The date parser's first two calls compile chrono's patterns (about a second); pay that now,
  // not on the first person's milestone message (bench/RESULTS.md, parse-milestone cold start).
  setImmediate(() => {
    for (let i = 0; i < 2; i++) parseMilestoneStatement('C1001 accommodated on Monday', { today: '2026-01-15' });
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'stopping');
    stopRepair();
    await app.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Start-up failed (e.g. the database is unreachable): one clear line, no stack trace.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`pacebot could not start: ${message}\n`);
  process.exit(1);
});
