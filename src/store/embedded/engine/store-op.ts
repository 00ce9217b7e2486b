import type { Document } from 'bson';
import type { IndexSpec } from './index-spec.js';

/**
 * One durable change, as written to the journal and (for a whole state) to a snapshot. Document
 * changes carry the full new document, so replaying a journal never re-evaluates an update.
 */
export type StoreOp =
  | { op: 'create'; db: string; c: string; options: Document }
  | { op: 'drop'; db: string; c: string }
  | { op: 'dropDb'; db: string }
  | { op: 'index'; db: string; c: string; spec: IndexSpec }
  | { op: 'dropIndex'; db: string; c: string; name: string }
  | { op: 'put'; db: string; c: string; doc: Document }
  | { op: 'del'; db: string; c: string; id: unknown };

const OP_NAMES = new Set(['create', 'drop', 'dropDb', 'index', 'dropIndex', 'put', 'del']);

/** Narrows a deserialized journal entry; anything else means the file is not ours. */
export function isStoreOp(value: Document): value is StoreOp {
  return typeof value.op === 'string' && OP_NAMES.has(value.op) && typeof value.db === 'string';
}
