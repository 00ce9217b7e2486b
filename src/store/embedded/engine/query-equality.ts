import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { flatten, isNil, resolve } from 'mingo/util';
import { compareBson } from './bson-order.js';

type Predicate = (value: unknown, operand: unknown, depth: number) => boolean;

/** Equal as MongoDB's queries mean it: sub-documents field by field in order, numbers by value. */
const same = (a: unknown, b: unknown): boolean => compareBson(a, b) === 0;

function eq(value: unknown, operand: unknown, depth: number): boolean {
  if (same(value, operand)) return true;
  if (isNil(value) && isNil(operand)) return true;
  if (!Array.isArray(value)) return false;
  // An array matches when an element does, also across the arrays a dotted path passed through.
  return value.some((item) => same(item, operand)) || flatten(value, depth).some((item) => same(item, operand));
}

function inList(value: unknown, operand: unknown, depth: number): boolean {
  if (!Array.isArray(operand)) throw new Error('$in needs an array');
  return operand.some((candidate) =>
    candidate instanceof RegExp
      ? (Array.isArray(value) ? value : [value]).some(
          (item) => typeof item === 'string' && new RegExp(candidate).test(item),
        )
      : eq(value, candidate, depth),
  );
}

/** Like mingo's processQuery: the predicate gets the value at the path, arrays unwrapped. */
function queryOperator(predicate: Predicate) {
  return (selector: string, operand: unknown, _options: Options) => {
    const depth = selector.split('.').length - 1;
    return (doc: unknown): boolean =>
      predicate(resolve(doc as Parameters<typeof resolve>[0], selector, { unwrapArray: true }), operand, depth);
  };
}

/**
 * `{ field: { $all: [a, b] } }` is MongoDB's `{ $and: [{ field: a }, { field: b }] }` (so each value
 * is matched with the `$eq` below, and an `$elemMatch` entry as itself); no values match nothing.
 */
function all(selector: string, operand: unknown, options: Options) {
  if (!Array.isArray(operand)) throw new Error('$all needs an array');
  if (operand.length === 0) return () => false;
  const query = new Query({ $and: operand.map((value: unknown) => ({ [selector]: value })) }, options);
  return (doc: unknown): boolean => query.test(doc as Parameters<Query['test']>[0]);
}

/**
 * `$eq`, `$ne`, `$in`, `$nin` and `$all` (and so `{ field: value }`) with MongoDB's equality.
 * mingo's own versions call { x: 1, y: 2 } and { y: 2, x: 1 } equal; MongoDB compares a
 * sub-document's fields in their stored order, so only the first matches { x: 1, y: 2 }. The field
 * indexes (value-key.ts) already key sub-documents in field order, so this also keeps indexed and
 * unindexed answers alike.
 */
export const equalityQueryOperators = {
  $eq: queryOperator(eq),
  $ne: queryOperator((value, operand, depth) => !eq(value, operand, depth)),
  $in: queryOperator(inList),
  $nin: queryOperator((value, operand, depth) => !inList(value, operand, depth)),
  $all: all,
};
