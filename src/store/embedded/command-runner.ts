import type { Document } from 'bson';
import { CommandError } from './command-error.js';
import { dispatchCommand, errorReply } from './commands/dispatch-command.js';
import type { Catalog } from './engine/catalog.js';
import type { CursorRegistry } from './engine/cursor-registry.js';
import type { Durability } from './persistence/durability.js';
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
  return async (db: string, body: Document, connectionId: number): Promise<Document> => {
    if (durability.failure) return storageFailure(durability.failure);
    const reply = dispatchCommand({ catalog, cursors, db, body, connectionId });
    try {
      await durability.commit(catalog.takePending());
    } catch (error) {
      return storageFailure(error);
    }
    return reply;
  };
}

function storageFailure(error: unknown): Document {
  const reason = error instanceof Error ? error.message : String(error);
  return errorReply(
    new CommandError(
      'InternalError',
      `embedded store cannot write (${reason}); restart the server`,
    ),
  );
}
