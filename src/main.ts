import { type App, createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { ConfigError } from './errors.js';
import { loadConversation } from './conversation/lazy-turn.js';
import { adapterRoutes } from './main-routes.js';
import { jobDefinitions } from './main-jobs.js';
import { repairAtStart } from './repair-at-start.js';
import { explainStartupFailure } from './startup-failure.js';
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
  // Signal handlers go in before anything is announced: a process manager may send SIGTERM the moment
  // it sees the "listening on" line, and a signal with no handler yet kills node outright. One that
  // arrives during start-up is acted on once start-up has finished (or failed).
  let started: { app: App; stopRepair: () => Promise<void> } | undefined;
  let stopSignal: string | undefined;
  const stop = async (signal: string) => {
    if (stopSignal && started === undefined) return;
    stopSignal ??= signal;
    if (!started) return;
    const { app: running, stopRepair } = started;
    started = undefined;
    running.logger.info({ signal: stopSignal }, 'stopping');
    await stopRepair();
    await running.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  let app: App | undefined;
  let url: string;
  try {
    app = await createApp(config, { routes: adapterRoutes, jobs: jobDefinitions });
    ({ url } = await app.start());
  } catch (error) {
    // One line naming the problem and its fix (a taken port, an unreachable MongoDB, an unwritable
    // DATA_DIR); release what did open (the data directory's lock) before leaving.
    process.stderr.write(`${explainStartupFailure(error, config)}\n`);
    await app?.stop().catch(() => undefined);
    process.exit(1);
  }
  app.logger.info({ url, store: app.store.mode, version: VERSION }, 'pacebot listening');
  const lines = [
    `pacebot ${VERSION} listening on ${url}`,
    `store: ${app.store.location}`,
    config.webChatEnabled ? `local chat: open ${url}/ in your browser` : 'local chat: off',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  started = { app, stopRepair: repairAtStart(app) };
  if (stopSignal) {
    void stop(stopSignal);
    return;
  }
  // Warm up now, not on the first person's message: the conversation core loads on first use (so
  // /healthz answers sooner, issue 14), and the date parser's first two calls load chrono and
  // compile its patterns (about a second; bench/RESULTS.md, parse-milestone cold start).
  setImmediate(() => {
    Promise.all([loadConversation(), import('./domain/parse-milestone.js')])
      .then(([, { parseMilestoneStatement }]) => {
        for (let i = 0; i < 2; i++) parseMilestoneStatement('C1001 accommodated on Monday', { today: '2026-01-15' });
      })
      .catch((error: unknown) => app?.logger.error({ err: error }, 'warm-up after start failed'));
  });
}

main().catch((error: unknown) => {
  // Start-up failed (e.g. the database is unreachable): one clear line, no stack trace.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`pacebot could not start: ${message}\n`);
  process.exit(1);
});
