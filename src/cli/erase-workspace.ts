import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { eraseWorkspace } from '../programme/privacy/erase-workspace.js';
import { COLLECTIONS } from '../store/collections.js';
import { openStore } from '../store/open-store.js';

const USAGE = 'usage: npm run erase-workspace -- --workspace <id> --yes';

/**
 * `npm run erase-workspace`: for the operator, when an area has left and can no longer ask the bot
 * itself (the app was uninstalled from its Slack workspace or Teams tenant). Deletes everything
 * pacebot holds for that workspace from the store it uses (MONGODB_URI, or the embedded store
 * under DATA_DIR, with pacebot stopped) and compacts, as `erase programme` does in the chat.
 * `--yes` is required: there is no card to press here.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { workspace: { type: 'string' }, yes: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help || !values.workspace || !values.yes) {
    process.stdout.write(`${USAGE}\n`);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const config = loadConfig(process.env);
  const store = await openStore({ mongoUri: config.MONGODB_URI, dbName: config.MONGODB_DB, dataDir: config.MONGODB_URI ? undefined : config.DATA_DIR });
  try {
    // A mistyped id would erase nothing and say so as success: say what is held instead.
    const known = (await store.db.collection<{ _id: string }>(COLLECTIONS.workspaces).find({}, { projection: { _id: 1 } }).toArray()).map((w) => w._id);
    const held = await store.db.collection(COLLECTIONS.members).countDocuments({ workspaceId: values.workspace });
    if (!known.includes(values.workspace) && held === 0) {
      process.stderr.write(`nothing erased: no workspace ${values.workspace} here (${store.location}). Workspaces held: ${known.join(', ') || 'none'}.\n`);
      process.exitCode = 1;
      return;
    }
    const done = await eraseWorkspace(store.db, values.workspace);
    const total = Object.values(done.deleted).reduce((a, b) => a + b, 0);
    const each = Object.entries(done.deleted).map(([collection, n]) => `${collection} ${n}`).join(', ');
    process.stdout.write(
      `Erased workspace ${values.workspace} (${store.location}): ${total} records${each ? ` (${each})` : ''}; ` +
        `${done.compacted ? 'the store rewrote its files' : 'the server declined to compact'}.\n`,
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
      : error instanceof Error && /in use by process/.test(error.message)
        ? `${error.message}. Stop pacebot first: the embedded store is opened by one process at a time.`
        : error instanceof Error
          ? error.message
          : String(error);
  process.stderr.write(`nothing erased: ${message}\n`);
  process.exitCode = 1;
});
