import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import type { CollectionData } from '../engine/collection-data.js';
import { isPlainObject } from '../engine/document-utils.js';

/**
 * MongoDB follows a hint or fails the command: a hint naming no index of the collection, by name
 * or by key pattern, is BadValue (2). `{ $natural: ±1 }` (a collection scan) is always valid, and
 * an empty hint means none. A collection that does not exist has nothing to check the hint
 * against, and MongoDB answers it as an empty collection. The embedded server's answers do not
 * depend on which index is used, so a valid hint needs nothing more.
 */
export function checkHint(collection: CollectionData | undefined, hint: unknown): void {
  if (hint === undefined || hint === null || !collection) return;
  if (isPlainObject(hint)) {
    const fields = Object.keys(hint);
    if (fields.length === 0) return;
    if (fields.length === 1 && fields[0] === '$natural') return;
    if (collection.indexSpecs().some((spec) => samePattern(spec.key, hint))) return;
  } else if (typeof hint === 'string') {
    if (collection.index(hint)) return;
  } else {
    throw new CommandError('FailedToParse', 'hint must be a string or an object');
  }
  throw new CommandError('BadValue', 'hint provided does not correspond to an existing index');
}

function samePattern(key: Document, hint: Document): boolean {
  const keyFields = Object.keys(key);
  const hintFields = Object.keys(hint);
  return (
    keyFields.length === hintFields.length &&
    keyFields.every((field, i) => {
      if (hintFields[i] !== field) return false;
      const [a, b] = [key[field], hint[field]];
      return typeof a === 'string' || typeof b === 'string' ? a === b : Number(a) === Number(b);
    })
  );
}
