import { type Document, ObjectId } from 'bson';

/** True for `{}`-style objects (what BSON deserializes a sub-document into), not BSON value classes. */
export function isPlainObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Stored documents are frozen so that nothing (our code or mingo) can change a document in place
 * behind the journal's back: every change must go through a replace that is journaled.
 */
export function deepFreeze<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) deepFreeze(item);
    Object.freeze(value);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) deepFreeze(value[key]);
    Object.freeze(value);
  }
  return value;
}

/** A mutable copy of a (possibly frozen) document; BSON value objects are immutable and shared. */
export function cloneDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneDocument(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const copy: Document = {};
    for (const key of Object.keys(value)) copy[key] = cloneDocument(value[key]);
    return copy as T;
  }
  return value;
}

/** MongoDB stores `_id` first and generates an ObjectId when the client did not send one. */
export function withIdFirst(doc: Document): Document {
  const keys = Object.keys(doc);
  if (keys[0] === '_id') return doc;
  const id: unknown = '_id' in doc ? doc._id : new ObjectId();
  const ordered: Document = { _id: id };
  for (const key of keys) if (key !== '_id') ordered[key] = doc[key];
  return ordered;
}

/** Sets `a.b.c` on a plain document, creating intermediate objects (used to seed upserts). */
export function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let target: Document = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(target[part])) target[part] = {};
    target = target[part] as Document;
  }
  target[parts[parts.length - 1]!] = value;
}

/** The value at a path of field names and array indexes, or undefined where it is missing. */
export function valueAtPath(doc: Document, parts: string[]): unknown {
  let value: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(value)) value = /^\d+$/.test(part) ? value[Number(part)] : undefined;
    else if (isPlainObject(value)) value = Object.hasOwn(value, part) ? value[part] : undefined;
    else return undefined;
  }
  return value;
}
