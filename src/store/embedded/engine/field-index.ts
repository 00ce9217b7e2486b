import type { Document } from 'bson';
import { valuesAtPath } from './index-keys.js';
import { valueKey } from './value-key.js';

/** A document's place in its collection's natural (insertion) order. */
export type PositionOf = (idKey: string) => number;

/**
 * The ids holding one index key, kept in natural order so a query can stream them and stop at its
 * limit. New documents arrive in order (appended); only an update that gives an older document this
 * key lands out of order, and then the set is put back in order once, on the next read.
 */
class OrderedIds {
  readonly ids = new Set<string>();
  private last = -1;
  private ordered = true;

  add(idKey: string, position: number): void {
    if (this.ids.has(idKey)) return;
    if (position < this.last) this.ordered = false;
    else this.last = position;
    this.ids.add(idKey);
  }

  inOrder(positionOf: PositionOf): ReadonlySet<string> {
    if (!this.ordered) {
      const sorted = [...this.ids].sort((a, b) => positionOf(a) - positionOf(b));
      this.ids.clear();
      for (const idKey of sorted) this.ids.add(idKey);
      this.last = positionOf(sorted[sorted.length - 1]!);
      this.ordered = true;
    }
    return this.ids;
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * An inverted index of one field path over every document of a collection: value key to the ids
 * of the documents holding that value (array elements each count). Queries use it only to narrow
 * the documents mingo has to test, so it must hold a superset of every possible equality match.
 */
export class FieldIndex {
  readonly path: string;
  private readonly owners = new Map<string, OrderedIds>();
  private readonly positionOf: PositionOf;

  constructor(path: string, positionOf: PositionOf) {
    this.path = path;
    this.positionOf = positionOf;
  }

  add(doc: Document, idKey: string): void {
    for (const key of this.keysOf(doc)) this.addKey(key, idKey);
  }

  remove(doc: Document, idKey: string): void {
    for (const key of this.keysOf(doc)) this.removeKey(key, idKey);
  }

  /**
   * Moves a document from its previous keys to its next ones, touching only the keys that change:
   * an update that leaves this field alone keeps the document's place in every set it is in.
   */
  update(previous: Document, next: Document, idKey: string): void {
    const before = this.keysOf(previous);
    const after = this.keysOf(next);
    for (const key of before) if (!after.has(key)) this.removeKey(key, idKey);
    for (const key of after) if (!before.has(key)) this.addKey(key, idKey);
  }

  /** How many documents hold this key, without looking at them. */
  count(key: string): number {
    return this.owners.get(key)?.ids.size ?? 0;
  }

  /**
   * Ids of documents whose field equals, or is an array containing, the value with this key, in
   * natural order. The set is live: read it before the collection changes again.
   */
  lookup(key: string): ReadonlySet<string> {
    return this.owners.get(key)?.inOrder(this.positionOf) ?? NONE;
  }

  private addKey(key: string, idKey: string): void {
    let ids = this.owners.get(key);
    if (!ids) {
      ids = new OrderedIds();
      this.owners.set(key, ids);
    }
    ids.add(idKey, this.positionOf(idKey));
  }

  private removeKey(key: string, idKey: string): void {
    const ids = this.owners.get(key);
    ids?.ids.delete(idKey);
    if (ids?.ids.size === 0) this.owners.delete(key);
  }

  private keysOf(doc: Document): Set<string> {
    return new Set(valuesAtPath(doc, this.path).map(valueKey));
  }
}

/** Paths with a numeric part (`a.0`) match in more ways than this index models, so get none. */
export function indexablePath(path: string): boolean {
  return path !== '_id' && !path.split('.').some((part) => /^\d+$/.test(part));
}
