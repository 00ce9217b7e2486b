import { Double, type Document } from 'bson';
import { CommandError } from '../command-error.js';
import { isPlainObject } from './document-utils.js';
import { mayMakeDoubles, NOT_INT_OPERATORS } from './pipeline-number-types.js';

/** Accumulators whose result MongoDB gives as a double (for numbers in, whatever their type). */
const DOUBLE_ACCUMULATORS = new Set(['$avg', '$stdDevPop', '$stdDevSamp']);
/** Operators whose result keeps a double operand's type even when it comes out whole. */
const ARITHMETIC = new Set(['$sum', '$add', '$subtract', '$multiply', '$abs', '$ceil', '$floor', '$round', '$trunc', '$mod']);
/** Stages that pass values through untouched: after the last $group, these keep its types. */
const VALUE_PRESERVING = new Set(['$match', '$sort', '$limit', '$skip']);

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * Aggregation results carry MongoDB's number types. MongoDB's arithmetic is typed: `$avg` and
 * `$divide` give doubles even when the value is whole, a double operand keeps a sum a double, and
 * int arithmetic that overflows makes a long. The embedded store computes with plain numbers and
 * would send a whole number as an int32 (wire encoding), so it marks what it can be sure of and
 * refuses what it cannot:
 * - when the last shaping stage is a `$group`, `$project`, `$addFields` or `$set` (then only
 *   $match/$sort/$limit/$skip), with nothing that may make doubles before it: its `$avg`,
 *   `$stdDev*`, `$divide` and other always-double fields are sent as doubles; a count (`$sum` of a
 *   whole-number constant), a field path, a constant or a field it leaves alone as it is;
 * - otherwise, when doubles may be made (an operator that always gives one, a double in the
 *   pipeline, or arithmetic over documents holding doubles), a whole number in the results is
 *   refused with NotImplemented naming its place;
 * - int arithmetic whose result leaves int32's range (a long in MongoDB) is refused too.
 * Pipelines without arithmetic or double-making operators (counts, $match, projections of stored
 * values) pass untouched: stored numbers already have their exact types.
 */
export function matchMongoNumberTypes(
  pipeline: Document[],
  variables: Document | undefined,
  inputs: () => Iterable<Document>,
  results: Document[],
): Document[] {
  // Filters and orderings compare numbers but make none: a $match against 2.5 is no double made.
  const computing = pipeline.filter((stage) => !VALUE_PRESERVING.has(stageName(stage)));
  const arithmetic = usesArithmeticOnValues(computing);
  const doubles =
    mayMakeDoubles(computing) ||
    mayMakeDoubles(variables) ||
    (arithmetic && (computing.some((stage) => '$lookup' in stage) || holdsNonIntegers(inputs())));
  if (!doubles) {
    if (arithmetic) for (const result of results) refuseLongs(result, '');
    return results;
  }
  const shape = finalShape(pipeline);
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
      else refuseWholeNumbers(value, field);
    }
    return typed;
  });
}

/** What to do with a result field: send as it is, send as a double, or refuse it if it holds a whole number. */
type FieldRule = 'keep' | 'double' | 'check';

/**
 * How each field of the results came about, when the pipeline's last shaping stage is a `$group`,
 * `$project`, `$addFields` or `$set` (only $match/$sort/$limit/$skip after it) and no stage before
 * it computes anything that could be a double; otherwise null (nothing is known).
 */
function finalShape(pipeline: Document[]): ((field: string) => FieldRule) | null {
  const computing = pipeline.filter((stage) => !VALUE_PRESERVING.has(stageName(stage)));
  const last = computing.at(-1);
  if (!last) return null;
  const before = computing.slice(0, -1);
  if (before.some((earlier) => mayMakeDoubles(earlier) || usesArithmeticOnValues(earlier))) return null;
  const name = stageName(last);
  const spec: unknown = last[name];
  if (!isPlainObject(spec)) return null;
  if (name === '$group') return (field) => groupRule(spec[field]);
  // Fields a $project does not name are dropped (but _id), and an $addFields leaves them: as stored.
  if (name === '$project' || name === '$addFields' || name === '$set') {
    // A dotted name ('a.b') shapes inside the field: nothing is known of what it holds.
    const inside = (field: string) => Object.keys(spec).some((key) => key.startsWith(`${field}.`));
    return (field) => (inside(field) ? 'check' : field in spec ? expressionRule(spec[field]) : 'keep');
  }
  return null;
}

/** A `$group` output: an accumulator, or the `_id` expression. */
function groupRule(made: unknown): FieldRule {
  if (!isPlainObject(made)) return expressionRule(made);
  const [accumulator] = Object.keys(made);
  if (DOUBLE_ACCUMULATORS.has(accumulator ?? '')) return 'double';
  // A count: MongoDB sums int constants as ints (overflow is refused apart).
  if (accumulator === '$sum' && Number.isInteger(made.$sum)) return 'keep';
  return expressionRule(made);
}

/** A projected or added field: a field path, a constant or an inclusion flag keeps its type. */
function expressionRule(made: unknown): FieldRule {
  if (!isPlainObject(made)) return Array.isArray(made) ? 'check' : 'keep';
  const keys = Object.keys(made);
  if (keys.length === 1 && NOT_INT_OPERATORS.has(keys[0]!)) return 'double';
  return 'check';
}

const stageName = (stage: Document): string => Object.keys(stage)[0] ?? '';

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
      `the embedded store cannot be sure of the number type this aggregation gives at '${at}' (${number}): MongoDB could send a double where the embedded store would send an integer. Group with $avg as the last shaping stage, compute it in the application, or use a real MongoDB server (set MONGODB_URI)`,
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
