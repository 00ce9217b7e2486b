import type { Document } from 'bson';
import type { CollectionData } from './collection-data.js';
import { isPlainObject } from './document-utils.js';
import { valueKey } from './value-key.js';

/**
 * The stored documents a filter can possibly match, in natural order. Top-level equalities (plain
 * values, `$eq`, `$in`) on `_id` or on an indexed field pick documents through the indexes; anything
 * else means every document. mingo still applies the whole filter to what comes back, so this only
 * has to over-approximate: values whose matching is subtle (null, arrays, sub-documents, regexes)
 * never narrow.
 */
export function selectCandidates(collection: CollectionData, filter: Document): Document[] {
  if (Object.hasOwn(filter, '_id')) {
    const keys = equalityKeys(filter._id);
    if (keys)
      return collection.inNaturalOrder(new Set(keys.filter((key) => collection.byKey(key))));
  }
  // Choose the narrowest index by the sizes of its sets before copying anything: every scoped query
  // filters on workspaceId, whose set holds the whole workspace, and copying it cost O(workspace).
  let best: ReadonlySet<string>[] | undefined;
  let bestSize = Number.POSITIVE_INFINITY;
  for (const [path, condition] of Object.entries(filter)) {
    const field = path.startsWith('$') ? undefined : collection.fieldIndex(path);
    const keys = field && equalityKeys(condition);
    if (!field || !keys) continue;
    const sets = keys.map((key) => field.lookup(key));
    const size = sets.reduce((sum, set) => sum + set.size, 0);
    if (size < bestSize) [best, bestSize] = [sets, size];
  }
  if (!best) return collection.all();
  return collection.inNaturalOrder(best.length === 1 ? best[0]! : new Set(best.flatMap((set) => [...set])));
}

/** Keys of the values a condition requires equality with, or undefined if it does not narrow. */
function equalityKeys(condition: unknown): string[] | undefined {
  if (!isPlainObject(condition) || !Object.keys(condition).some((key) => key.startsWith('$'))) {
    const key = scalarKey(condition);
    return key === undefined ? undefined : [key];
  }
  if (Object.hasOwn(condition, '$eq')) {
    const key = scalarKey(condition.$eq);
    return key === undefined ? undefined : [key];
  }
  if (Array.isArray(condition.$in)) {
    const keys = (condition.$in as unknown[]).map(scalarKey);
    return keys.every((key) => key !== undefined) ? (keys as string[]) : undefined;
  }
  return undefined;
}

function scalarKey(value: unknown): string | undefined {
  if (value === null || value === undefined || Array.isArray(value) || isPlainObject(value))
    return undefined;
  if (value instanceof RegExp) return undefined;
  return valueKey(value);
}
