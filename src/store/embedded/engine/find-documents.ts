import type { Document } from 'bson';
import { find } from 'mingo';
import type { CollationSpec, Options } from 'mingo/types';
import type { CollectionData } from './collection-data.js';
import { isPlainObject } from './document-utils.js';

export interface FindSpec {
  filter?: Document;
  sort?: Document;
  skip?: number;
  /** 0 or undefined: no limit. */
  limit?: number;
  projection?: Document;
  collation?: Document;
}

/**
 * Runs a query with mingo's semantics. The filter always decides; an `_id` equality or `$in` only
 * narrows which stored documents mingo has to look at. Without a projection the stored (frozen)
 * documents themselves come back, which update and delete rely on.
 */
export function findDocuments(
  collection: CollectionData | undefined,
  spec: FindSpec,
  options: Partial<Options>,
): Document[] {
  if (!collection) return [];
  const filter = spec.filter ?? {};
  const queryOptions = spec.collation
    ? { ...options, collation: spec.collation as CollationSpec }
    : options;
  const cursor = find(candidates(collection, filter), filter, spec.projection ?? {}, queryOptions);
  if (spec.sort && Object.keys(spec.sort).length > 0) cursor.sort(spec.sort);
  if (spec.skip) cursor.skip(spec.skip);
  if (spec.limit) cursor.limit(spec.limit);
  return cursor.all() as Document[];
}

function candidates(collection: CollectionData, filter: Document): Document[] {
  if (!Object.hasOwn(filter, '_id')) return collection.all();
  const condition: unknown = filter._id;
  if (!isOperatorObject(condition)) return present([collection.byId(condition)]);
  const operators = Object.keys(condition);
  if (operators.length !== 1) return collection.all();
  if (operators[0] === '$eq' && !(condition.$eq instanceof RegExp)) {
    return present([collection.byId(condition.$eq)]);
  }
  if (operators[0] === '$in' && Array.isArray(condition.$in)) {
    const values = condition.$in as unknown[];
    if (values.some((value) => value instanceof RegExp)) return collection.all();
    return present(values.map((value) => collection.byId(value)));
  }
  return collection.all();
}

function isOperatorObject(value: unknown): value is Document {
  if (value instanceof RegExp) return true;
  return isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$'));
}

function present(docs: (Document | undefined)[]): Document[] {
  const unique = new Set(docs.filter((doc): doc is Document => doc !== undefined));
  return [...unique];
}
