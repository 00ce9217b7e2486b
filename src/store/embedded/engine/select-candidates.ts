import type { Document } from 'bson';
import type { CollectionData } from './collection-data.js';
import { isPlainObject } from './document-utils.js';
import type { FieldIndex, PositionOf } from './field-index.js';
import { valueKey } from './value-key.js';

/**
 * The stored documents a filter can possibly match, in natural order, read lazily: a query with a
 * limit stops pulling once it has enough, so it costs O(limit) rather than O(candidates), and
 * documents it never reaches are never copied. Top-level equalities (plain values, `$eq`, `$in`) on
 * `_id` or on an indexed field pick documents through the indexes; anything else means every
 * document. mingo still applies the whole filter to what comes back, so this only has to
 * over-approximate: values whose matching is subtle (null, arrays, sub-documents, regexes) never
 * narrow. Read it before the collection changes again.
 */
export function selectCandidates(collection: CollectionData, filter: Document): Iterable<Document> {
  if (Object.hasOwn(filter, '_id')) {
    const keys = equalityKeys(filter._id);
    if (keys)
      return collection.inNaturalOrder(new Set(keys.filter((key) => collection.byKey(key))));
  }
  // Choose the narrowest index by the sizes of its sets before reading any: every scoped query
  // filters on workspaceId, whose set holds the whole workspace.
  let best: { field: FieldIndex; keys: string[] } | undefined;
  let bestSize = Number.POSITIVE_INFINITY;
  for (const [path, condition] of Object.entries(filter)) {
    const field = path.startsWith('$') ? undefined : collection.fieldIndex(path);
    const keys = field && equalityKeys(condition);
    if (!field || !keys) continue;
    const size = keys.reduce((sum, key) => sum + field.count(key), 0);
    if (size < bestSize) [best, bestSize] = [{ field, keys }, size];
  }
  if (!best) return collection.values();
  const { field, keys } = best;
  const sets = [...new Set(keys)].map((key) => field.lookup(key));
  return collection.documents(sets.length === 1 ? sets[0]! : mergeInOrder(sets, collection.positionOf));
}

/**
 * The union of id sets that are each in natural order, in natural order, lazily: `$in` over an
 * index. An array-valued field puts one document in several sets; it comes out once.
 */
function* mergeInOrder(sets: ReadonlySet<string>[], positionOf: PositionOf): Generator<string> {
  const heads = sets
    .map((set) => set.values())
    .map((iterator) => ({ iterator, next: iterator.next() }))
    .filter((head) => !head.next.done);
  let last: string | undefined;
  while (heads.length > 0) {
    let lowest = 0;
    for (let i = 1; i < heads.length; i++) {
      if (positionOf(heads[i]!.next.value as string) < positionOf(heads[lowest]!.next.value as string)) lowest = i;
    }
    const head = heads[lowest]!;
    const idKey = head.next.value as string;
    if (idKey !== last) yield idKey;
    last = idKey;
    head.next = head.iterator.next();
    if (head.next.done) heads.splice(lowest, 1);
  }
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
