import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { bsonTypeName } from './bson-text.js';
import { isPlainObject } from './document-utils.js';
import { sameValue } from './same-value.js';

/** Expression operators whose result is a double (or a long or decimal) whatever the input. */
const NOT_INT_OPERATORS = new Set([
  '$divide',
  '$avg',
  '$sqrt',
  '$exp',
  '$ln',
  '$log',
  '$log10',
  '$pow',
  '$rand',
  '$stdDevPop',
  '$stdDevSamp',
  '$toDouble',
  '$toLong',
  '$toDecimal',
  '$convert',
  '$sin',
  '$cos',
  '$tan',
  '$asin',
  '$acos',
  '$atan',
  '$atan2',
  '$degreesToRadians',
  '$radiansToDegrees',
]);

/**
 * A pipeline-style update computes numbers with MongoDB's typed arithmetic: with a double
 * anywhere in it (a double operand, a field holding one, `$divide`...) a whole-number result is
 * still a double, and int32s that overflow make a long. The store keeps a whole number in int32's
 * range as an int32 and others as doubles (wire/inexact-numbers.ts), so where a number the
 * pipeline changed could have another type in MongoDB, the update is refused. Int arithmetic on
 * ints (counters, `$multiply` of two ints) stays exact and passes.
 */
export function refuseInexactPipelineNumbers(
  before: Document,
  after: Document,
  pipeline: unknown,
  variables: Document | undefined,
): void {
  const changed: [string, number][] = [];
  collectChangedNumbers(before, after, '', changed);
  if (changed.length === 0) return;
  const doubles = [before, pipeline, variables].some(mayMakeDoubles);
  for (const [path, value] of changed) {
    const type = bsonTypeName(value);
    const inexact = type === 'int' ? doubles : Number.isInteger(value) && !doubles;
    if (inexact) {
      const could = type === 'int' ? 'a double' : 'a 64-bit integer (BSON long)';
      throw new CommandError(
        'NotImplemented',
        `the embedded store cannot be sure of the number type this pipeline update makes at '${path}' (${value}): MongoDB could store ${could}, the embedded store would store ${type === 'int' ? 'a 32-bit integer' : 'a double'}. Use operator updates such as $set and $inc, or a real MongoDB server (set MONGODB_URI)`,
      );
    }
  }
}

/** Numbers in `after` that are new or differ from the value at the same place in `before`. */
function collectChangedNumbers(
  before: unknown,
  after: unknown,
  path: string,
  changed: [string, number][],
): void {
  if (typeof after === 'number') {
    if (!sameValue(before, after)) changed.push([path, after]);
    return;
  }
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (Array.isArray(after)) {
    after.forEach((item, i) =>
      collectChangedNumbers(Array.isArray(before) ? before[i] : undefined, item, at(String(i)), changed),
    );
  } else if (isPlainObject(after)) {
    for (const key of Object.keys(after)) {
      const previous = isPlainObject(before) ? before[key] : undefined;
      collectChangedNumbers(previous, after[key], at(key), changed);
    }
  }
}

/** Whether a value holds a double, or (in a pipeline) names an operator that makes one. */
export function mayMakeDoubles(value: unknown): boolean {
  if (typeof value === 'number') return bsonTypeName(value) === 'double';
  if (Array.isArray(value)) return value.some(mayMakeDoubles);
  if (!isPlainObject(value)) return ['double', 'long', 'decimal'].includes(bsonTypeName(value));
  return Object.keys(value).some((key) => NOT_INT_OPERATORS.has(key) || mayMakeDoubles(value[key]));
}
