import { calculateObjectSize, type Document, Long } from 'bson';
import { CommandError } from '../command-error.js';

/** MongoDB's first batch when the client names no batchSize. */
const DEFAULT_FIRST_BATCH = 101;
/** A reply must stay under maxBsonObjectSize; leave room for the envelope around the batch. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;
/** Idle cursors die after ten minutes, as on a real server (cursorTimeoutMillis). */
export const CURSOR_IDLE_MS = 10 * 60 * 1000;

interface OpenCursor {
  ns: string;
  docs: Document[];
  position: number;
  lastUsed: number;
  /** find's `noCursorTimeout`: kept until read to the end or killed, however long it idles. */
  noTimeout: boolean;
}

/**
 * Results not yet sent. A query's result is computed whole when the cursor opens (a snapshot of
 * frozen documents), and handed out in batches by find/aggregate and getMore.
 */
export class CursorRegistry {
  private readonly cursors = new Map<number, OpenCursor>();
  private nextId = 1 + Math.floor(Math.random() * 2 ** 31);

  /** Returns the `cursor` field of a find/aggregate/list* reply. */
  open(
    ns: string,
    docs: Document[],
    batchSize?: number,
    singleBatch = false,
    noTimeout = false,
  ): Document {
    const cursor: OpenCursor = { ns, docs, position: 0, lastUsed: Date.now(), noTimeout };
    const firstBatch = takeBatch(cursor, batchSize ?? DEFAULT_FIRST_BATCH);
    if (singleBatch || cursor.position >= docs.length) return { id: Long.ZERO, ns, firstBatch };
    const id = this.nextId++;
    this.cursors.set(id, cursor);
    return { id: Long.fromNumber(id), ns, firstBatch };
  }

  getMore(id: number, batchSize?: number): Document {
    const cursor = this.cursors.get(id);
    if (!cursor) throw new CommandError('CursorNotFound', `cursor id ${id} not found`);
    cursor.lastUsed = Date.now();
    const nextBatch = takeBatch(cursor, batchSize || Number.POSITIVE_INFINITY);
    const exhausted = cursor.position >= cursor.docs.length;
    if (exhausted) this.cursors.delete(id);
    return { id: exhausted ? Long.ZERO : Long.fromNumber(id), ns: cursor.ns, nextBatch };
  }

  kill(ids: number[]): { killed: number[]; notFound: number[] } {
    const killed = ids.filter((id) => this.cursors.delete(id));
    return { killed, notFound: ids.filter((id) => !killed.includes(id)) };
  }

  /** Drops cursors idle for longer than `idleMs`; called from a timer. */
  sweep(idleMs: number, now = Date.now()): void {
    for (const [id, cursor] of this.cursors)
      if (!cursor.noTimeout && now - cursor.lastUsed > idleMs) this.cursors.delete(id);
  }

  clear(): void {
    this.cursors.clear();
  }
}

function takeBatch(cursor: OpenCursor, maxDocs: number): Document[] {
  const batch: Document[] = [];
  let bytes = 0;
  while (batch.length < maxDocs && cursor.position < cursor.docs.length) {
    const doc = cursor.docs[cursor.position]!;
    bytes += calculateObjectSize(doc);
    if (batch.length > 0 && bytes > MAX_BATCH_BYTES) break;
    batch.push(doc);
    cursor.position++;
  }
  return batch;
}
