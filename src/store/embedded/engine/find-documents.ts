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
 * indexes only narrow which stored documents mingo has to look at. Without a sort, candidates are
 * read one at a time and reading stops at skip + limit, so a `limit(1)` costs O(limit) however
 * many documents match. Without a projection the stored (frozen) documents themselves come back,
 * which update and delete rely on.
 */
export function findDocuments(
  collection: CollectionData | undefined,
  spec: FindSpec,
  options: Partial<Options>,
): Document[] {
  if (!collection) return [];
  const queryOptions = spec.variables ? { ...options, variables: spec.variables } : options;
  const matches = matchingDocuments(collection, spec.filter ?? {}, queryOptions);
  const start = spec.skip ?? 0;
  const end = spec.limit ? start + spec.limit : Number.POSITIVE_INFINITY;
  const docs =
    spec.sort && Object.keys(spec.sort).length > 0
      ? sortDocuments([...matches], spec.sort).slice(start, end)
      : take(matches, start, end);
  const projection = spec.projection ?? {};
  if (Object.keys(projection).length === 0) return docs;
  const fields = topLevelInclusion(projection);
  if (fields) return docs.map((doc) => pickFields(doc, fields));
  const projected = new Query({}, queryOptions).find(docs, projection).all() as Document[];
  // mingo moves `_id` to the end of an inclusion projection; MongoDB keeps it first.
  return projected.map((doc) => ('_id' in doc ? withIdFirst(doc) : doc));
}

/** A projection that only includes top-level fields by name (and perhaps drops `_id`). */
interface TopLevelInclusion {
  names: Set<string>;
  id: boolean;
}

const includes = (value: unknown) => value === true || (typeof value === 'number' && value !== 0);
const excludes = (value: unknown) => value === false || value === 0;

/**
 * The commonest projection (`{ caseRef: 1, milestones: 1 }`) read without mingo, which builds a
 * projected copy of every value: a digest reads an area's 1,000 cases this way. Anything else —
 * paths, operators, expressions, exclusions, a mix MongoDB would refuse — goes to mingo.
 */
function topLevelInclusion(projection: Document): TopLevelInclusion | null {
  const names = new Set<string>();
  let id = true;
  for (const [name, value] of Object.entries(projection)) {
    if (name === '_id' && (includes(value) || excludes(value))) id = includes(value);
    else if (includes(value) && !name.includes('.') && !name.startsWith('$')) names.add(name);
    else return null;
  }
  return names.size > 0 ? { names, id } : null;
}

/** As MongoDB returns an inclusion projection: `_id` first, then the fields in the document's order. */
function pickFields(doc: Document, { names, id }: TopLevelInclusion): Document {
  const picked: Document = {};
  if (id && '_id' in doc) picked._id = doc._id;
  for (const key of Object.keys(doc)) if (names.has(key)) picked[key] = doc[key];
  return picked;
}

/**
 * How many documents match, counted as they are read (nothing is collected), stopping at `upTo`
 * when the caller only needs that many.
 */
export function countDocuments(
  collection: CollectionData | undefined,
  filter: Document,
  options: Partial<Options>,
  upTo = Number.POSITIVE_INFINITY,
): number {
  if (!collection) return 0;
  const matches = matchingDocuments(collection, filter, options);
  if (Object.keys(filter).length === 0) return Math.min(collection.size, upTo);
  let count = 0;
  for (const _doc of matches) if (++count >= upTo) break;
  return count;
}

/**
 * The stored documents that match the filter, in natural order, tested only as they are read.
 * The filter is parsed here, so a bad one fails even if nothing is read.
 */
function matchingDocuments(
  collection: CollectionData,
  filter: Document,
  options: Partial<Options>,
): Iterable<Document> {
  const query = new Query(filter, options);
  const candidates = selectCandidates(collection, filter);
  return (function* () {
    for (const doc of candidates) if (query.test(doc)) yield doc;
  })();
}

/** Positions [start, end) of a sequence, reading no further than `end`. */
function take(docs: Iterable<Document>, start: number, end: number): Document[] {
  const taken: Document[] = [];
  if (end <= start) return taken;
  let position = 0;
  for (const doc of docs) {
    if (position >= start) taken.push(doc);
    position++;
    if (position >= end) break;
  }
  return taken;
}
