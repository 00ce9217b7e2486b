import type { Document } from 'bson';
import { isPlainObject, setPath } from './document-utils.js';

/**
 * The document an upsert starts from: the query's equality conditions (top level and inside
 * `$and`), as MongoDB does before applying the update operators.
 */
export function upsertSeed(query: Document | undefined): Document {
  const seed: Document = {};
  if (query) collectEqualities(query, seed);
  return seed;
}

function collectEqualities(query: Document, seed: Document): void {
  for (const [field, condition] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) collectEqualities(clause, seed);
    } else if (isOperatorObject(condition)) {
      if (!field.startsWith('$') && Object.hasOwn(condition, '$eq')) {
        setPath(seed, field, condition.$eq);
      }
    } else if (!field.startsWith('$') && !(condition instanceof RegExp)) {
      setPath(seed, field, condition);
    }
  }
}

function isOperatorObject(value: unknown): value is Document {
  return isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$'));
}
