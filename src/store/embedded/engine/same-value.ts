import type { Binary, Document } from 'bson';
import { isPlainObject } from './document-utils.js';
import { valueKey } from './value-key.js';

const isBinary = (value: unknown): value is Binary =>
  typeof value === 'object' && value !== null && (value as Document)._bsontype === 'Binary';

/**
 * `valueKey(a) === valueKey(b)`, without building either string. An update's "did it change the
 * document" check compared the whole document's keys before and after, which for a digest carrying
 * a megabyte or two of chart images meant base64-encoding every image twice per write. This walks
 * both values together, stops at the first difference, and compares binary data byte for byte.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    // Field order matters, as it does to valueKey (and to MongoDB's document equality).
    const keys = Object.keys(a);
    const other = Object.keys(b);
    if (keys.length !== other.length) return false;
    return keys.every((key, i) => key === other[i] && sameValue(a[key], b[key]));
  }
  if (isBinary(a) || isBinary(b)) {
    if (!isBinary(a) || !isBinary(b) || a.sub_type !== b.sub_type) return false;
    // Only the first `position` bytes are the value (the rest is room to grow), as in toString().
    return Buffer.compare(a.buffer.subarray(0, a.position), b.buffer.subarray(0, b.position)) === 0;
  }
  // Scalars and the other BSON types: their keys are short.
  return valueKey(a) === valueKey(b);
}
