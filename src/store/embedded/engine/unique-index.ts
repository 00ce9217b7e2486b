import type { Document } from 'bson';
import { Query } from 'mingo';
import { DuplicateKeyError } from './duplicate-key-error.js';
import { type IndexEntry, indexEntries } from './index-keys.js';
import type { IndexSpec } from './index-spec.js';
import { mingoOptions } from './mingo-options.js';

/**
 * Enforces one unique index (with its sparse and partialFilterExpression rules) by mapping each
 * index key to the `_id` key of the document holding it. Non-unique indexes need no state here:
 * queries scan, so an index only has to be remembered for listIndexes.
 */
export class UniqueIndex {
  readonly spec: IndexSpec;
  private readonly fields: string[];
  private readonly filter: Query | undefined;
  private readonly owners = new Map<string, string>();

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.filter = spec.partialFilterExpression
      ? new Query(spec.partialFilterExpression, mingoOptions())
      : undefined;
  }

  /** Throws DuplicateKeyError if `doc` (owned by `idKey`) would collide with another document. */
  check(ns: string, doc: Document, idKey: string): void {
    for (const entry of this.entriesOf(doc)) {
      const owner = this.owners.get(entry.key);
      if (owner !== undefined && owner !== idKey) throw this.duplicate(ns, entry);
    }
  }

  add(doc: Document, idKey: string): void {
    for (const entry of this.entriesOf(doc)) this.owners.set(entry.key, idKey);
  }

  remove(doc: Document, idKey: string): void {
    for (const entry of this.entriesOf(doc)) {
      if (this.owners.get(entry.key) === idKey) this.owners.delete(entry.key);
    }
  }

  private entriesOf(doc: Document): IndexEntry[] {
    if (this.filter && !this.filter.test(doc)) return [];
    return indexEntries(doc, this.fields, this.spec.sparse === true) ?? [];
  }

  private duplicate(ns: string, entry: IndexEntry): DuplicateKeyError {
    const keyValue: Document = {};
    this.fields.forEach((field, i) => {
      keyValue[field] = entry.values[i] ?? null;
    });
    return new DuplicateKeyError(ns, this.spec.name, { ...this.spec.key }, keyValue);
  }
}
