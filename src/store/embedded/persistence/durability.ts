import type { StoreOp } from '../engine/store-op.js';

/** Where committed changes go: nowhere (in-memory mode) or the journal of a data directory. */
export interface Durability {
  /**
   * Makes `ops` durable, together with everything committed before them. The server awaits this
   * before replying, so no client ever sees an acknowledgement (or a read) a crash could undo.
   */
  commit(ops: StoreOp[]): Promise<void>;
  /** Set once storage has failed; from then on the server refuses commands until restarted. */
  readonly failure: Error | undefined;
  /**
   * Rewrites the data directory as one snapshot of the state now and removes every older journal
   * and snapshot, so nothing deleted before it is left in any file (the `compact` command).
   */
  compactNow(): Promise<void>;
  close(): Promise<void>;
}

export const memoryDurability: Durability = {
  commit: () => Promise.resolve(),
  failure: undefined,
  compactNow: () => Promise.resolve(),
  close: () => Promise.resolve(),
};
