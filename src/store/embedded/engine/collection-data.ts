import type { Document } from 'bson';
import { deepFreeze } from './document-utils.js';
import { DuplicateKeyError } from './duplicate-key-error.js';
import { FieldIndex, indexablePath } from './field-index.js';
import { ID_INDEX, type IndexSpec } from './index-spec.js';
import { UniqueIndex } from './unique-index.js';
import { valueKey } from './value-key.js';

/**
 * The documents and indexes of one collection, in memory. Documents are kept in insertion order
 * (MongoDB's natural order) and frozen; a change replaces the stored object. Every write either
 * completes or throws before touching anything, so a failed write leaves no partial state.
 */
export class CollectionData {
  readonly db: string;
  readonly name: string;
  readonly options: Document;
  private readonly docs = new Map<string, Document>();
  /** Position in natural order, to put index lookups back in that order. */
  private readonly positions = new Map<string, number>();
  private nextPosition = 0;
  private readonly indexes = new Map<string, IndexSpec>();
  private readonly uniques = new Map<string, UniqueIndex>();
  private readonly fields = new Map<string, FieldIndex>();

  constructor(db: string, name: string, options: Document = {}) {
    this.db = db;
    this.name = name;
    this.options = options;
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get size(): number {
    return this.docs.size;
  }

  all(): Document[] {
    return [...this.docs.values()];
  }

  /** Every document in natural order, one at a time: a scan that stops early copies nothing. */
  values(): IterableIterator<Document> {
    return this.docs.values();
  }

  /** Position in natural order of a stored document (for index sets to keep that order). */
  readonly positionOf = (idKey: string): number => this.positions.get(idKey)!;

  byId(id: unknown): Document | undefined {
    return this.docs.get(valueKey(id));
  }

  /** The document whose `_id` has this value key. */
  byKey(idKey: string): Document | undefined {
    return this.docs.get(idKey);
  }

  /** The field's equality index, if an index covers that field. */
  fieldIndex(path: string): FieldIndex | undefined {
    return this.fields.get(path);
  }

  /** The documents with these ids, in natural order. */
  inNaturalOrder(idKeys: Iterable<string>): Document[] {
    return [...idKeys]
      .sort((a, b) => this.positions.get(a)! - this.positions.get(b)!)
      .map((idKey) => this.docs.get(idKey)!);
  }

  /** The documents with these ids, in the order given, looked up only as they are read. */
  *documents(idKeys: Iterable<string>): Generator<Document> {
    for (const idKey of idKeys) yield this.docs.get(idKey)!;
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX, ...this.indexes.values()];
  }

  index(name: string): IndexSpec | undefined {
    return name === ID_INDEX.name ? ID_INDEX : this.indexes.get(name);
  }

  insert(doc: Document): Document {
    const idKey = valueKey(doc._id);
    if (this.docs.has(idKey)) {
      throw new DuplicateKeyError(this.ns, ID_INDEX.name, { _id: 1 }, { _id: doc._id });
    }
    for (const unique of this.uniques.values()) unique.check(this.ns, doc, idKey);
    return this.store(idKey, doc);
  }

  /** Swaps `next` in for the stored document with the same `_id`. */
  replace(next: Document): Document {
    const idKey = valueKey(next._id);
    const previous = this.docs.get(idKey);
    if (!previous) throw new Error(`replace of a missing document in ${this.ns}`);
    for (const unique of this.uniques.values()) unique.check(this.ns, next, idKey);
    return this.storeVersion(idKey, previous, next);
  }

  remove(id: unknown): boolean {
    const idKey = valueKey(id);
    const previous = this.docs.get(idKey);
    if (!previous) return false;
    this.unindex(previous, idKey);
    this.positions.delete(idKey);
    return this.docs.delete(idKey);
  }

  /** Insert-or-replace without checks, for replaying a journal whose every step was already valid. */
  put(doc: Document): void {
    const idKey = valueKey(doc._id);
    const previous = this.docs.get(idKey);
    if (previous) this.storeVersion(idKey, previous, doc);
    else this.store(idKey, doc);
  }

  /** Adds an index; a unique one is built over the existing documents first and rejected on a clash. */
  addIndex(spec: IndexSpec, verify: boolean): void {
    if (spec.unique) {
      const unique = new UniqueIndex(spec);
      for (const [idKey, doc] of this.docs) {
        if (verify) unique.check(this.ns, doc, idKey);
        unique.add(doc, idKey);
      }
      this.uniques.set(spec.name, unique);
    }
    this.indexes.set(spec.name, spec);
    for (const path of Object.keys(spec.key).filter(indexablePath)) {
      if (this.fields.has(path)) continue;
      const field = new FieldIndex(path, this.positionOf);
      for (const [idKey, doc] of this.docs) field.add(doc, idKey);
      this.fields.set(path, field);
    }
  }

  dropIndex(name: string): boolean {
    this.uniques.delete(name);
    if (!this.indexes.delete(name)) return false;
    const stillIndexed = new Set(
      [...this.indexes.values()].flatMap((spec) => Object.keys(spec.key)),
    );
    for (const path of this.fields.keys()) if (!stillIndexed.has(path)) this.fields.delete(path);
    return true;
  }

  private store(idKey: string, doc: Document): Document {
    const frozen = deepFreeze(doc);
    this.docs.set(idKey, frozen);
    if (!this.positions.has(idKey)) this.positions.set(idKey, this.nextPosition++);
    for (const unique of this.uniques.values()) unique.add(frozen, idKey);
    for (const field of this.fields.values()) field.add(frozen, idKey);
    return frozen;
  }

  /** Stores a new version of a document, moving it only within the field indexes whose key changed. */
  private storeVersion(idKey: string, previous: Document, next: Document): Document {
    const frozen = deepFreeze(next);
    this.docs.set(idKey, frozen);
    for (const unique of this.uniques.values()) {
      unique.remove(previous, idKey);
      unique.add(frozen, idKey);
    }
    for (const field of this.fields.values()) field.update(previous, frozen, idKey);
    return frozen;
  }

  private unindex(doc: Document, idKey: string): void {
    for (const unique of this.uniques.values()) unique.remove(doc, idKey);
    for (const field of this.fields.values()) field.remove(doc, idKey);
  }
}
