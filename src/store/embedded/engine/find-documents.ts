import type { Document } from 'bson';
import { find } from 'mingo';
import type { CollationSpec, Options } from 'mingo/types';
import type { CollectionData } from './collection-data.js';
import { selectCandidates } from './select-candidates.js';

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
 * Runs a query with mingo's semantics. The filter always decides; indexes only narrow which
 * stored documents mingo has to look at. Without a projection the stored (frozen) documents
 * themselves come back, which update and delete rely on.
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
  // Under a collation string equality is no longer exact, so indexes cannot narrow the search.
  const docs = spec.collation ? collection.all() : selectCandidates(collection, filter);
  const cursor = find(docs, filter, spec.projection ?? {}, queryOptions);
  if (spec.sort && Object.keys(spec.sort).length > 0) cursor.sort(spec.sort);
  if (spec.skip) cursor.skip(spec.skip);
  if (spec.limit) cursor.limit(spec.limit);
  return cursor.all() as Document[];
}
