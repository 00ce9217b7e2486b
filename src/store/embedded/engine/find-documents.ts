import type { Document } from 'bson';
import type { Options } from 'mingo/types';
import { Query } from 'mingo/query';
import type { CollectionData } from './collection-data.js';
import { withIdFirst } from './document-utils.js';
import { selectCandidates } from './select-candidates.js';
import { sortDocuments } from './sort-documents.js';

export interface FindSpec {
  filter?: Document;
  sort?: Document;
  skip?: number;
  /** 0 or undefined: no limit. */
  limit?: number;
  projection?: Document;
  /** Evaluated `let` variables, for `$$name` inside `$expr`. */
  variables?: Document;
}

/**
 * Runs a query with mingo's matching and our MongoDB sort order. The filter always decides;
 * indexes only narrow which stored documents mingo has to look at. Without a projection the
 * stored (frozen) documents themselves come back, which update and delete rely on.
 */
export function findDocuments(
  collection: CollectionData | undefined,
  spec: FindSpec,
  options: Partial<Options>,
): Document[] {
  if (!collection) return [];
  const filter = spec.filter ?? {};
  const queryOptions = spec.variables ? { ...options, variables: spec.variables } : options;
  const query = new Query(filter, queryOptions);
  let docs = selectCandidates(collection, filter).filter((doc) => query.test(doc));
  if (spec.sort && Object.keys(spec.sort).length > 0) docs = sortDocuments(docs, spec.sort);
  const start = spec.skip ?? 0;
  docs = docs.slice(start, spec.limit ? start + spec.limit : undefined);
  const projection = spec.projection ?? {};
  if (Object.keys(projection).length === 0) return docs;
  const projected = new Query({}, queryOptions).find(docs, projection).all() as Document[];
  // mingo moves `_id` to the end of an inclusion projection; MongoDB keeps it first.
  return projected.map((doc) => ('_id' in doc ? withIdFirst(doc) : doc));
}
