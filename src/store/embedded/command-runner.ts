import type { Document } from 'bson';
import { CommandError } from './command-error.js';
import { dispatchCommand, errorReply } from './commands/dispatch-command.js';
import type { Catalog } from './engine/catalog.js';
import type { CursorRegistry } from './engine/cursor-registry.js';
import type { Durability } from './persistence/durability.js';
import type { InexactNumber } from './wire/inexact-numbers.js';
import type { CommandRunner } from './wire/wire-connection.js';

/**
 * Runs a command against the catalog, then waits until its changes (and any earlier ones still in
 * flight) are durable before handing back the reply. Taking the pending ops right after the
 * synchronous handler returns ties each journal frame to exactly one command.
 */
export function createCommandRunner(
  catalog: Catalog,
  cursors: CursorRegistry,
  durability: Durability,
): CommandRunner {
  return async (
    db: string,
    body: Document,
    connectionId: number,
    inexactNumbers: InexactNumber[],
  ): Promise<Document> => {
    const name = Object.keys(body)[0] ?? '';
    if (durability.failure && !STILL_ANSWERED.has(name)) return storageFailure(durability.failure);
    if (name === 'compact') return compact(catalog, durability, db, body);
    const reply = dispatchCommand({ catalog, cursors, db, body, connectionId, inexactNumbers });
    // Only the handshake gets here after a failure, and it changes nothing to wait for.
    if (durability.failure) return reply;
    try {
      await durability.commit(catalog.takePending());
    } catch (error) {
      return storageFailure(error);
    }
    return reply;
  };
}

/**
 * After a storage failure the handshake still works, so clients connect and then get the
 * storage error itself from each command (ping included: health checks should see it).
 */
const STILL_ANSWERED = new Set([
  'hello',
  'isMaster',
  'ismaster',
  'buildInfo',
  'buildinfo',
  'endSessions',
]);

function storageFailure(error: unknown): Document {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `embedded store cannot write (${reason}); restart the server`;
  return errorReply(new CommandError('InternalError', message));
}

/**
 * MongoDB's `compact` rewrites a collection's files to release what deleted documents held. Here
 * it rewrites the whole data directory as one snapshot and removes the older journal and snapshot
 * files, so a document deleted before it (an erased case) is in no file afterwards.
 */
async function compact(catalog: Catalog, durability: Durability, db: string, body: Document): Promise<Document> {
  const collection = body.compact;
  if (typeof collection !== 'string' || collection === '') {
    return errorReply(new CommandError('InvalidNamespace', 'compact requires a collection name'));
  }
  if (!catalog.get(db, collection)) {
    return errorReply(new CommandError('NamespaceNotFound', `ns does not exist: ${db}.${collection}`));
  }
  try {
    await durability.commit(catalog.takePending());
    await durability.compactNow();
  } catch (error) {
    return storageFailure(error);
  }
  return { bytesFreed: 0, ok: 1 };
}
