import type { Binary, Document } from 'bson';
import { bsonTypeName } from './bson-text.js';
import { isPlainObject } from './document-utils.js';
import { valueKey } from './value-key.js';

const isBinary = (value: unknown): value is Binary =>
  typeof value === 'object' && value !== null && (value as Document)._bsontype === 'Binary';

/**
 * Whether two values would serialize to the same BSON bytes: MongoDB's test for "did the update
 * change the document" (BSONElement::binaryEqualValues, per modified field), so field order and
 * the BSON type count, and 1 as an int32 differs from 1 as a long. (valueKey is the other
 * equality: by value, for `_id` lookups and indexes.) This walks both values together, stops at
 * the first difference and compares binary data byte for byte, so a digest carrying a megabyte or
 * two of chart images is not encoded to answer it.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    // Field order matters, as it does to MongoDB's document equality.
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
  // Scalars and the other BSON types: same type (a JavaScript number's is the one bson writes for
  // it), then same value. Their keys are short.
  return bsonTypeName(a) === bsonTypeName(b) && valueKey(a) === valueKey(b);
}
