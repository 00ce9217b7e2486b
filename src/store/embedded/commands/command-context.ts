import type { Document } from 'bson';
import type { Catalog } from '../engine/catalog.js';
import type { CursorRegistry } from '../engine/cursor-registry.js';
import type { InexactNumber } from '../wire/inexact-numbers.js';

/** Everything a command handler may read or change. */
export interface CommandContext {
  readonly catalog: Catalog;
  readonly cursors: CursorRegistry;
  /** The database named by `$db` (OP_MSG) or by the `<db>.$cmd` namespace (OP_QUERY). */
  readonly db: string;
  readonly body: Document;
  readonly connectionId: number;
  /** Numbers in `body` whose BSON type was lost in decoding (wire/inexact-numbers.ts). */
  readonly inexactNumbers: readonly InexactNumber[];
}

/**
 * Runs one command and returns its reply. Handlers are synchronous on purpose: a command's changes
 * to the catalog happen in one tick, so no other command can observe or interleave with half of it.
 */
export type CommandHandler = (ctx: CommandContext) => Document;
