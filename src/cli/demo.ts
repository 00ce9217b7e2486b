import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { LOCAL_WORKSPACE_ID } from '../demo/demo-people.js';
import { DEFAULT_DEMO_SEED } from '../demo/generate-demo.js';
import { loadDemo } from '../demo/load-demo.js';
import { AppError, ConfigError } from '../errors.js';
import { openStore } from '../store/open-store.js';

const USAGE = 'usage: npm run demo [-- --workspace <id>] [--seed <text>]';

/**
 * `npm run demo`: loads the fictional Glenmoray programme into the store pacebot uses (MONGODB_URI,
 * or the embedded store under DATA_DIR), into the local chat's workspace unless told otherwise.
 * Safe to run again: the same children, tests and measures are rewritten, not added twice.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { workspace: { type: 'string', default: LOCAL_WORKSPACE_ID }, seed: { type: 'string', default: DEFAULT_DEMO_SEED }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig(process.env);
  const store = await openStore({ mongoUri: config.MONGODB_URI, dbName: config.MONGODB_DB, dataDir: config.MONGODB_URI ? undefined : config.DATA_DIR });
  try {
    const summary = await loadDemo(store.db, values.workspace, { now: new Date(), seed: values.seed, actor: { userId: 'demo-cli', name: 'npm run demo' } });
    process.stdout.write(
      [
        `Loaded ${summary.programme} into workspace ${values.workspace} (${store.location}):`,
        `  ${summary.groups} aim groups, ${summary.members} people, ${summary.cases} children, ${summary.cycles} tests of change,`,
        `  ${summary.measures} measures with ${summary.dataPoints} monthly values, ${summary.prompts} coach's prompts and questions;`,
        `  next champions' meeting ${summary.nextMeeting}.`,
        values.workspace === LOCAL_WORKSPACE_ID ? 'Now run `npm start` and open the local chat.' : '',
      ]
        .filter(Boolean)
        .join('\n') + '\n',
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  // One clear line, never a stack trace.
  const message =
    error instanceof ConfigError
      ? `fix the configuration:\n  ${error.problems.join('\n  ')}`
      : error instanceof AppError
        ? error.userMessage
        : error instanceof Error && /in use by process/.test(error.message)
          ? `${error.message}. pacebot is running on this data: use "Load demo data" in the local chat, or stop it and run this again.`
          : error instanceof Error
            ? error.message
            : String(error);
  process.stderr.write(`demo data not loaded: ${message}\n`);
  process.exitCode = 1;
});
