import { loadConfig } from '../config.js';
import { LOCAL_WORKSPACE_ID } from '../demo/demo-people.js';
import { applyImport, claimImport } from '../programme/imports/apply-import.js';
import { previewImport } from '../programme/imports/preview-import.js';
import type { ModelContext } from '../programme/model-context.js';
import type { ColumnMapping } from '../programme/tracker/tracker-types.js';
import { ensureIndexes } from '../store/collections.js';
import { openStore } from '../store/open-store.js';
import { workspaceStore } from '../store/workspace-store.js';

const ACTOR = { userId: 'import-cli', name: 'npm run import' };

/**
 * `npm run import -- FILE` without --dry-run: the same preview and apply as Confirm in the chat,
 * into the local programme's workspace (the store pacebot uses: MONGODB_URI, or the embedded one
 * under DATA_DIR), audited as from the command line.
 */
export async function importIntoStore(
  data: Buffer,
  fileName: string,
  mapping?: ColumnMapping,
): Promise<string> {
  const config = loadConfig(process.env);
  const store = await openStore({
    mongoUri: config.MONGODB_URI,
    dbName: config.MONGODB_DB,
    dataDir: config.MONGODB_URI ? undefined : config.DATA_DIR,
  });
  try {
    await ensureIndexes(store.db);
    const scoped = workspaceStore(store.db, LOCAL_WORKSPACE_ID);
    const ctx: ModelContext = {
      store: scoped,
      now: new Date(),
      programme: await scoped.programmes.findOne({}),
      actor: () => ACTOR,
      source: () => ({ platform: 'cli', eventId: `cli-${Date.now()}` }),
    };
    const preview = await previewImport(ctx, { name: fileName, data }, ACTOR.userId, mapping);
    const claimed = await claimImport(ctx, preview.imp._id.toHexString(), ACTOR.userId);
    if (!claimed) throw new Error('the import was taken by another process');
    const done = await applyImport(ctx, claimed);
    return (
      `Imported ${fileName} into ${LOCAL_WORKSPACE_ID} (${store.location}): ${done.cases} cases changed, ` +
      `${done.newDates} new dates, ${done.changedDates} changed, ${done.unchangedDates} already held; ` +
      `${done.refused.length} rows not imported${done.refused.length ? ` (${done.refused.map((r) => r.row).join(', ')})` : ''}.`
    );
  } finally {
    await store.close();
  }
}
