import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { bsonText, bsonTypeName } from './bson-text.js';
import { isPlainObject, valueAtPath } from './document-utils.js';
import { concretePaths, type PositionalContext } from './update-type-checks.js';

const TYPE_WORDS: Record<string, string> = {
  double: 'a double',
  long: 'a 64-bit integer (BSON long)',
};

/**
 * The store keeps numbers as JavaScript numbers, which go back out as int32 when whole and in
 * range and as double otherwise (wire/inexact-numbers.ts). MongoDB's `$inc` and `$mul` keep the
 * operands' type instead: a double stays a double even when the result is whole (2.5 + 0.5 is the
 * double 3), and two int32s that overflow make a long. Where the result would be stored as a
 * different type than MongoDB's, the update is refused rather than stored differently.
 * Checked on the document before any change, with the paths the update will touch.
 */
export function refuseInexactArithmetic(
  doc: Document,
  modifier: Document,
  positional: PositionalContext,
): void {
  for (const operator of ['$inc', '$mul'] as const) {
    const fields = modifier[operator] as unknown;
    if (!isPlainObject(fields)) continue;
    for (const [path, argument] of Object.entries(fields)) {
      if (typeof argument !== 'number') continue;
      for (const concrete of concretePaths(doc, path, positional)) {
        const current = valueAtPath(doc, concrete.split('.'));
        if (current !== undefined && typeof current !== 'number') continue;
        const result =
          current === undefined
            ? operator === '$inc' ? argument : 0
            : operator === '$inc' ? current + argument : current * argument;
        const expected = mongoResultType(current, argument, result);
        if (bsonTypeName(result) !== expected) {
          throw new CommandError(
            'NotImplemented',
            `the embedded store cannot store the result of ${operator} on '${concrete}' (${bsonText(result)}) as MongoDB would, as ${TYPE_WORDS[expected] ?? expected}: it keeps whole numbers in int32's range as 32-bit integers. Use a real MongoDB server (set MONGODB_URI) for this update`,
          );
        }
      }
    }
  }
}

/** MongoDB's arithmetic: any double makes a double; int32s stay int32 unless they overflow. */
function mongoResultType(current: number | undefined, argument: number, result: number): string {
  const types = [current, argument].filter((value) => value !== undefined).map(bsonTypeName);
  if (types.includes('double')) return 'double';
  return bsonTypeName(result) === 'int' ? 'int' : Number.isInteger(result) ? 'long' : 'double';
}
