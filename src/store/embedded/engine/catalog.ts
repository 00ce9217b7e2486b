import { calculateObjectSize, type Document } from 'bson';
import { CommandError } from '../command-error.js';
import { CollectionData } from './collection-data.js';
import type { IndexSpec } from './index-spec.js';
import type { StoreOp } from './store-op.js';

/** A consistent copy of everything, taken in one tick, for writing a snapshot at leisure. */
export interface CapturedCollection {
  db: string;
  name: string;
  options: Document;
  indexes: IndexSpec[];
  docs: Document[];
}

/**
 * Every database and collection in memory. Each mutating method applies the change and records it
 * as a StoreOp; the server takes the recorded ops after each command and makes them durable before
 * it replies. Commands run synchronously, so the ops taken after a command are exactly its own.
 */
export class Catalog {
  private readonly dbs = new Map<string, Map<string, CollectionData>>();
  private pending: StoreOp[] = [];

  takePending(): StoreOp[] {
    const ops = this.pending;
    this.pending = [];
    return ops;
  }

  databaseNames(): string[] {
    return [...this.dbs.keys()];
  }

  collections(db: string): CollectionData[] {
    return [...(this.dbs.get(db)?.values() ?? [])];
  }

  get(db: string, name: string): CollectionData | undefined {
    return this.dbs.get(db)?.get(name);
  }

  /** The collection, created (and journaled) on first write as MongoDB does implicitly. */
  obtain(db: string, name: string): CollectionData {
    return this.get(db, name) ?? this.create(db, name, {});
  }

  create(db: string, name: string, options: Document): CollectionData {
    const collection = this.createQuietly(db, name, options);
    this.pending.push({ op: 'create', db, c: name, options });
    return collection;
  }

  insert(collection: CollectionData, doc: Document): Document {
    checkSize(doc);
    const stored = collection.insert(doc);
    this.pending.push({ op: 'put', db: collection.db, c: collection.name, doc: stored });
    return stored;
  }

  replace(collection: CollectionData, doc: Document): Document {
    checkSize(doc);
    const stored = collection.replace(doc);
    this.pending.push({ op: 'put', db: collection.db, c: collection.name, doc: stored });
    return stored;
  }

  remove(collection: CollectionData, id: unknown): void {
    if (collection.remove(id)) {
      this.pending.push({ op: 'del', db: collection.db, c: collection.name, id });
    }
  }

  addIndex(collection: CollectionData, spec: IndexSpec): void {
    collection.addIndex(spec, true);
    this.pending.push({ op: 'index', db: collection.db, c: collection.name, spec });
  }

  dropIndex(collection: CollectionData, name: string): void {
    if (collection.dropIndex(name)) {
      this.pending.push({ op: 'dropIndex', db: collection.db, c: collection.name, name });
    }
  }

  drop(db: string, name: string): boolean {
    const dropped = this.dbs.get(db)?.delete(name) ?? false;
    if (dropped) this.pending.push({ op: 'drop', db, c: name });
    if (this.dbs.get(db)?.size === 0) this.dbs.delete(db);
    return dropped;
  }

  dropDatabase(db: string): void {
    if (this.dbs.delete(db)) this.pending.push({ op: 'dropDb', db });
  }

  /** Replays a journaled op without recording it again or re-checking constraints. */
  apply(op: StoreOp): void {
    switch (op.op) {
      case 'create':
        if (!this.get(op.db, op.c)) this.createQuietly(op.db, op.c, op.options);
        return;
      case 'drop':
        this.dbs.get(op.db)?.delete(op.c);
        if (this.dbs.get(op.db)?.size === 0) this.dbs.delete(op.db);
        return;
      case 'dropDb':
        this.dbs.delete(op.db);
        return;
      case 'index':
        this.replayTarget(op.db, op.c).addIndex(op.spec, false);
        return;
      case 'dropIndex':
        this.get(op.db, op.c)?.dropIndex(op.name);
        return;
      case 'put':
        this.replayTarget(op.db, op.c).put(op.doc);
        return;
      case 'del':
        this.get(op.db, op.c)?.remove(op.id);
        return;
    }
  }

  capture(): CapturedCollection[] {
    return [...this.dbs.values()].flatMap((collections) =>
      [...collections.values()].map((collection) => ({
        db: collection.db,
        name: collection.name,
        options: collection.options,
        indexes: collection.indexSpecs().slice(1),
        docs: collection.all(),
      })),
    );
  }

  private replayTarget(db: string, name: string): CollectionData {
    return this.get(db, name) ?? this.createQuietly(db, name, {});
  }

  private createQuietly(db: string, name: string, options: Document): CollectionData {
    let collections = this.dbs.get(db);
    if (!collections) {
      collections = new Map();
      this.dbs.set(db, collections);
    }
    const collection = new CollectionData(db, name, options);
    collections.set(name, collection);
    return collection;
  }
}

/** MongoDB's document limit. A larger document could be stored but never sent back in a reply. */
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

function checkSize(doc: Document): void {
  const size = calculateObjectSize(doc);
  if (size > MAX_DOCUMENT_BYTES) {
    throw new CommandError(
      'BSONObjectTooLarge',
      `document is too large: ${size} bytes, limit ${MAX_DOCUMENT_BYTES}`,
    );
  }
}
