import type { Document } from 'bson';
import { compareBson } from './bson-order.js';
import { isPlainObject, valueAtPath } from './document-utils.js';
import { concretePaths, type PositionalContext } from './update-type-checks.js';

/**
 * `$addToSet` as the `$set` of each array it changes, computed here rather than by mingo. mingo
 * rebuilds the array through its own unique(), which drops duplicates the array already held and
 * calls { a, b } and { b, a } equal; MongoDB only appends each value the array does not already
 * hold, compared as BSON values (field order counts, numbers compare by value). A missing field
 * becomes the values with their own duplicates removed. Arrays left as they were get no `$set`,
 * so the document counts as unchanged. Run after the type checks (a non-array target is refused).
 */
export function addToSetAsSet(
  doc: Document,
  fields: Document,
  positional: PositionalContext,
): Document | undefined {
  const $set: Document = {};
  for (const [path, spec] of Object.entries(fields)) {
    const values = isPlainObject(spec) && Object.hasOwn(spec, '$each') ? spec.$each : [spec];
    // mingo refuses a non-array $each with MongoDB's message: leave the operator to it.
    if (!Array.isArray(values)) return undefined;
    const concretes = concretePaths(doc, path, positional);
    // A positional path that reaches no element: mingo refuses it as MongoDB does.
    if (concretes.length === 0) return undefined;
    for (const concrete of concretes) {
      const current = valueAtPath(doc, concrete.split('.'));
      if (current !== undefined && !Array.isArray(current)) continue;
      const next: unknown[] = [...((current as unknown[] | undefined) ?? [])];
      for (const value of values) {
        if (!next.some((held) => compareBson(held, value) === 0)) next.push(value);
      }
      if (current === undefined || next.length > (current as unknown[]).length) {
        $set[concrete] = next;
      }
    }
  }
  return $set;
}
