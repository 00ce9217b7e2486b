import type { WorkspaceStore } from '../store/workspace-store.js';
import type { Actor } from '../store/schemas/common.js';
import type { Programme } from '../store/schemas/programme.js';

/**
 * Where a change came from, as the audit keeps it: the platform event, never the raw message. What
 * the bot understood goes in the entry's `after`; there is deliberately no field for the words.
 */
export interface ChangeSource {
  platform: string;
  eventId: string;
}

/**
 * What the programme model needs to read and change one workspace's data: its store, the moment,
 * who is acting and where the change came from. A chat turn, a job and an import each provide one,
 * so the model never depends on how a request arrived.
 */
export interface ModelContext {
  store: WorkspaceStore;
  now: Date;
  /** The workspace's programme, if set up yet. */
  programme: Programme | null;
  actor(): Actor;
  source(): ChangeSource;
}
