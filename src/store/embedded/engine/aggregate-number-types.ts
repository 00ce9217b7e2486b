import { Double, type Document } from 'bson';
import { CommandError } from '../command-error.js';
import type { InexactNumber } from '../wire/inexact-numbers.js';
import { isPlainObject } from './document-utils.js';
import { mayMakeDoubles } from './pipeline-number-types.js';

/** Expression operators whose result MongoDB gives as a double for any numbers in (no decimals are stored). */
const ALWAYS_DOUBLE = new Set([
  '$divide', '$avg', '$sqrt', '$exp', '$ln', '$log', '$log10', '$stdDevPop', '$stdDevSamp', '$toDouble',
  '$rand', '$sin', '$cos', '$tan', '$asin', '$acos', '$atan', '$atan2', '$degreesToRadians', '$radiansToDegrees',
]);
/** Accumulators whose result MongoDB gives as a double. */
const DOUBLE_ACCUMULATORS = new Set(['$avg', '$stdDevPop', '$stdDevSamp']);
/** Accumulators that give back values as they were stored (or an array of them). */
const STORED_ACCUMULATORS = new Set(['$max', '$min', '$first', '$last', '$push', '$addToSet']);
/** Operators whose result keeps a double operand's type even when it comes out whole. */
const ARITHMETIC = new Set(['$sum', '$add', '$subtract', '$multiply', '$abs', '$ceil', '$floor', '$round', '$trunc', '$mod']);
/** Operators that make a 64-bit integer (a long), or may: dates subtracted, date differences, conversions. */
const LONG_MAKERS = new Set(['$dateDiff', '$toHashedIndexKey', '$tsSecond', '$tsIncrement', '$toLong', '$toDecimal', '$convert', '$pow']);
/** Stages that bring in documents of other collections, whose numbers this store has not looked at. */
const OTHER_COLLECTIONS = new Set(['$lookup', '$unionWith', '$graphLookup']);
/** Stages that pass values through untouched: after the last shaping stage, these keep its types. */
const VALUE_PRESERVING = new Set(['$match', '$sort', '$limit', '$skip']);

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** What to do with a result field: send it as it is, as a double, as an int (refused past int32), or refuse it if it holds a whole number. */
type FieldRule = 'keep' | 'double' | 'int' | 'check';

/**
 * Aggregation results carry MongoDB's number types. MongoDB's arithmetic is typed: `$avg` and
 * `$divide` give doubles even when the value is whole, a double operand keeps a sum a double,
 * dates subtracted make a long, and int arithmetic that overflows makes a long. The embedded store
 * computes with plain numbers and would send a whole number as an int32 (wire encoding), so it marks
 * what it can be sure of and refuses what it cannot:
 * - a long or decimal written in the pipeline or its `let` (outside a `$match`) is refused;
 * - when the last shaping stage is a `$group`, `$project`, `$addFields` or `$set` (then only
 *   $match/$sort/$limit/$skip), with nothing before it that computes numbers: its always-double
 *   fields (`$avg`, `$divide`, …) are sent as doubles; a count, a field path, a constant, `$max`
 *   and the like of a stored field, or a field it leaves alone as it is; a sum of stored ints as
 *   an int;
 * - otherwise, when anything may make a double or a long, a whole number in the results is refused
 *   with NotImplemented naming its place;
 * - int arithmetic whose result leaves int32's range (a long in MongoDB) is refused too.
 * Pipelines without arithmetic or such operators (counts, $match, projections of stored values)
 * pass untouched: stored numbers already have their exact types.
 */
export function matchMongoNumberTypes(
  pipeline: Document[],
  variables: Document | undefined,
  inexact: readonly InexactNumber[],
  inputs: () => Iterable<Document>,
  results: Document[],
): Document[] {
  // Filters and orderings compare numbers but make none: a $match against 2.5 is no double made.
  const computing = pipeline.filter((stage) => !VALUE_PRESERVING.has(stageName(stage)));
  const written = writtenNumbers(pipeline, inexact);
  const refusedType = written.find((n) => n.type !== 'double');
  if (refusedType) {
    throw new CommandError(
      'NotImplemented',
      `the embedded store cannot compute with a BSON ${refusedType.type} (at '${refusedType.path.join('.')}'): it would compute with a double. Write the number as an int or a double, or use a real MongoDB server (set MONGODB_URI)`,
    );
  }
  const arithmetic = usesArithmeticOnValues(computing);
  let inputDoubles: boolean | undefined;
  const inputsHoldDoubles = () => (inputDoubles ??= hasDeep(computing, OTHER_COLLECTIONS) || holdsNonIntegers(inputs()));
  const uncertain =
    written.length > 0 ||
    mayMakeDoubles(computing) ||
    mayMakeDoubles(variables) ||
    hasDeep(computing, LONG_MAKERS) ||
    hasSubtractOfValues(computing) ||
    (arithmetic && inputsHoldDoubles());
  if (!uncertain) {
    if (arithmetic) for (const result of results) refuseLongs(result, '');
    return results;
  }
  // A number written as a double anywhere it computes: the field rules below read constants as ints.
  const shape = written.length > 0 ? null : finalShape(pipeline, inputsHoldDoubles);
  return results.map((result) => {
    if (!shape) {
      refuseWholeNumbers(result, '');
      return result;
    }
    const typed: Document = { ...result };
    for (const [field, value] of Object.entries(result)) {
      const rule = shape(field);
      if (rule === 'keep') continue;
      if (rule === 'double' && typeof value === 'number') typed[field] = new Double(value);
      else if (rule === 'int') refuseLongs(value, field);
      else refuseWholeNumbers(value, field);
    }
    return typed;
  });
}

/**
 * How each field of the results came about, when the pipeline's last shaping stage is a `$group`,
 * `$project`, `$addFields` or `$set` (only $match/$sort/$limit/$skip after it) and no stage before
 * it computes numbers; otherwise null (nothing is known).
 */
function finalShape(pipeline: Document[], inputsHoldDoubles: () => boolean): ((field: string) => FieldRule) | null {
  const computing = pipeline.filter((stage) => !VALUE_PRESERVING.has(stageName(stage)));
  const last = computing.at(-1);
  if (!last) return null;
  const before = computing.slice(0, -1);
  if (before.some((earlier) => mayMakeDoubles(earlier) || usesArithmeticOnValues(earlier) || hasDeep(earlier, LONG_MAKERS) || hasDeep(earlier, OTHER_COLLECTIONS))) {
    return null;
  }
  const name = stageName(last);
  const spec: unknown = last[name];
  if (!isPlainObject(spec)) return null;
  if (name === '$group') return (field) => groupRule(spec[field], inputsHoldDoubles);
  if (name === '$project' || name === '$addFields' || name === '$set') {
    // A dotted name ('a.b') shapes inside the field: nothing is known of what it holds. Fields a
    // $project does not name are dropped (but _id), and an $addFields leaves them: as stored.
    const inside = (field: string) => Object.keys(spec).some((key) => key.startsWith(`${field}.`));
    return (field) => (inside(field) ? 'check' : field in spec ? expressionRule(spec[field]) : 'keep');
  }
  return null;
}

/** A `$group` output: an accumulator, or the `_id` expression. */
function groupRule(made: unknown, inputsHoldDoubles: () => boolean): FieldRule {
  if (!isPlainObject(made)) return expressionRule(made);
  const keys = Object.keys(made);
  const accumulator = keys.length === 1 ? keys[0]! : '';
  const arg = made[accumulator];
  if (DOUBLE_ACCUMULATORS.has(accumulator)) return 'double';
  const fieldPath = typeof arg === 'string' && arg.startsWith('$') && !arg.startsWith('$$');
  if (STORED_ACCUMULATORS.has(accumulator) && fieldPath) return 'keep';
  if (accumulator === '$sum') {
    // A count (a sum of an int constant), or a sum of stored ints: an int, unless it overflows.
    if (Number.isInteger(arg)) return 'int';
    if (fieldPath && !inputsHoldDoubles()) return 'int';
  }
  return expressionRule(made);
}

/** A projected or added field: a field path, a constant or an inclusion flag keeps its type. */
function expressionRule(made: unknown): FieldRule {
  if (!isPlainObject(made)) return Array.isArray(made) ? 'check' : 'keep';
  const keys = Object.keys(made);
  if (keys.length === 1 && ALWAYS_DOUBLE.has(keys[0]!) && !hasDeep(made[keys[0]!], LONG_MAKERS)) return 'double';
  return 'check';
}

const stageName = (stage: Document): string => Object.keys(stage)[0] ?? '';

/**
 * Numbers the driver wrote with a type the decoder turned into a plain number (a whole double, a
 * long, a decimal), in the pipeline outside its filters and orderings, or in `let`.
 */
function writtenNumbers(pipeline: Document[], inexact: readonly InexactNumber[]): InexactNumber[] {
  return inexact.filter(({ path }) => {
    if (path[0] === 'let') return true;
    if (path[0] !== 'pipeline') return false;
    const stage = pipeline[Number(path[1])];
    return stage !== undefined && !VALUE_PRESERVING.has(stageName(stage));
  });
}

/** Whether any of these operators or stages appears anywhere in a value. */
function hasDeep(value: unknown, names: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => hasDeep(item, names));
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([key, item]) => names.has(key) || hasDeep(item, names));
}

/** `$subtract` of fields or variables: two dates make a long (milliseconds), which this store cannot tell from ints. */
function hasSubtractOfValues(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasSubtractOfValues);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([key, arg]) => (key === '$subtract' && namesValues(arg)) || hasSubtractOfValues(arg));
}

/** Whether an arithmetic operator is applied to anything but constants (field paths, variables). */
function usesArithmeticOnValues(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(usesArithmeticOnValues);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(
    ([key, arg]) => (ARITHMETIC.has(key) && namesValues(arg)) || usesArithmeticOnValues(arg),
  );
}

/** Whether an expression reads a field or a variable (a string starting with `$`). */
function namesValues(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('$');
  if (Array.isArray(value)) return value.some(namesValues);
  return isPlainObject(value) && Object.values(value).some(namesValues);
}

/** Whether any document holds a number that is not whole (a double, since whole doubles are never stored). */
function holdsNonIntegers(documents: Iterable<Document>): boolean {
  const visit = (value: unknown): boolean => {
    if (typeof value === 'number') return !Number.isInteger(value);
    if (Array.isArray(value)) return value.some(visit);
    return isPlainObject(value) && Object.values(value).some(visit);
  };
  for (const document of documents) if (visit(document)) return true;
  return false;
}

function refuseWholeNumbers(value: unknown, path: string): void {
  walkNumbers(value, path, (number, at) => {
    if (!Number.isInteger(number)) return;
    throw new CommandError(
      'NotImplemented',
      `the embedded store cannot be sure of the number type this aggregation gives at '${at}' (${number}): MongoDB could send a double or a 64-bit integer where the embedded store would send a 32-bit integer. Compute it in the application, or use a real MongoDB server (set MONGODB_URI)`,
    );
  });
}

function refuseLongs(value: unknown, path: string): void {
  walkNumbers(value, path, (number, at) => {
    if (!Number.isInteger(number) || (number >= INT32_MIN && number <= INT32_MAX)) return;
    throw new CommandError(
      'NotImplemented',
      `the embedded store cannot be sure of the number type this aggregation gives at '${at}' (${number}): MongoDB could send a 64-bit integer (BSON long) where the embedded store would send a double. Use a real MongoDB server (set MONGODB_URI)`,
    );
  });
}

function walkNumbers(value: unknown, path: string, visit: (n: number, path: string) => void): void {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (typeof value === 'number') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walkNumbers(item, at(String(i)), visit));
  else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) walkNumbers(item, at(key), visit);
}
