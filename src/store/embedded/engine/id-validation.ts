import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { isPlainObject } from './document-utils.js';

/** The field names a DBRef may carry, the one place mongod lets `$` start a stored name. */
const DBREF_FIELDS = new Set(['$ref', '$id', '$db']);

/**
 * MongoDB refuses to store an `_id` sub-document with a `$`-prefixed field name at any depth
 * (DollarPrefixedFieldName, 52), whether it comes from an insert or an upsert.
 */
export function checkIdForStorage(doc: Document): void {
  const name = isPlainObject(doc._id) ? dollarPrefixedName(doc._id) : undefined;
  if (name !== undefined) {
    throw new CommandError(
      'DollarPrefixedFieldName',
      `_id fields may not contain '$'-prefixed fields: ${name} is not valid for storage.`,
    );
  }
}

function dollarPrefixedName(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = dollarPrefixedName(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('$') && !DBREF_FIELDS.has(key)) return key;
    const found = dollarPrefixedName(child);
    if (found !== undefined) return found;
  }
  return undefined;
}
