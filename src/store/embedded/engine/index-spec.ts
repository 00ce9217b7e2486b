import type { Document } from 'bson';

/** An index as listIndexes reports it and as it is journaled. */
export interface IndexSpec {
  v: number;
  key: Document;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

export const ID_INDEX: IndexSpec = Object.freeze({
  v: 2,
  key: Object.freeze({ _id: 1 }),
  name: '_id_',
});

/** Options that change which documents an index holds or rejects; the rest (collation aside) are hints. */
const BEHAVIOUR_OPTIONS = ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds'];

/** Turns a createIndexes entry into a stored spec, or names the field that is wrong. */
export function normalizeIndexSpec(raw: unknown): IndexSpec | string {
  if (typeof raw !== 'object' || raw === null) return 'index specification must be an object';
  const spec = raw as Document;
  const key: unknown = spec.key;
  if (typeof key !== 'object' || key === null || Object.keys(key).length === 0) {
    return "index specification must have a non-empty 'key' object";
  }
  if (typeof spec.name !== 'string' || spec.name === '')
    return "index specification must have a 'name'";
  // listIndexes shows v, key and name first, then the options, as mongod does.
  const normalized: IndexSpec = { v: 2, key: { ...(key as Document) }, name: spec.name };
  for (const [option, value] of Object.entries(spec)) {
    if (!(option in normalized)) normalized[option] = value;
  }
  if (spec.unique === false) delete normalized.unique;
  if (spec.sparse === false) delete normalized.sparse;
  return normalized;
}

export function sameKeyPattern(a: Document, b: Document): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((k, i) => k === keysB[i] && a[k] === b[k]);
}

/** Whether two specs would index and constrain documents identically (so re-creating is a no-op). */
export function sameIndexBehaviour(a: IndexSpec, b: IndexSpec): boolean {
  if (!sameKeyPattern(a.key, b.key)) return false;
  return BEHAVIOUR_OPTIONS.every(
    (option) => JSON.stringify(a[option]) === JSON.stringify(b[option]),
  );
}
