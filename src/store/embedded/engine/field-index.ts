import type { Document } from 'bson';
import { valuesAtPath } from './index-keys.js';
import { valueKey } from './value-key.js';

const NONE: ReadonlySet<string> = new Set();

/**
 * An inverted index of one field path over every document of a collection: value key to the ids
 * of the documents holding that value (array elements each count). Queries use it only to narrow
 * the documents mingo has to test, so it must hold a superset of every possible equality match.
 */
export class FieldIndex {
  readonly path: string;
  private readonly owners = new Map<string, Set<string>>();

  constructor(path: string) {
    this.path = path;
  }

  add(doc: Document, idKey: string): void {
    for (const key of this.keysOf(doc)) {
      let ids = this.owners.get(key);
      if (!ids) {
        ids = new Set();
        this.owners.set(key, ids);
      }
      ids.add(idKey);
    }
  }

  remove(doc: Document, idKey: string): void {
    for (const key of this.keysOf(doc)) {
      const ids = this.owners.get(key);
      ids?.delete(idKey);
      if (ids?.size === 0) this.owners.delete(key);
    }
  }

  /** Ids of documents whose field equals, or is an array containing, the value with this key. */
  lookup(key: string): ReadonlySet<string> {
    return this.owners.get(key) ?? NONE;
  }

  private keysOf(doc: Document): Set<string> {
    return new Set(valuesAtPath(doc, this.path).map(valueKey));
  }
}

/** Paths with a numeric part (`a.0`) match in more ways than this index models, so get none. */
export function indexablePath(path: string): boolean {
  return path !== '_id' && !path.split('.').some((part) => /^\d+$/.test(part));
}
