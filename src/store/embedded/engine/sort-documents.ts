import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { compareBson } from './bson-order.js';
import { isPlainObject } from './document-utils.js';

/** Stands for an empty array in a sort key: MongoDB sorts it below null and missing fields. */
const EMPTY_ARRAY = undefined;

/**
 * Sorts documents as MongoDB's find and `$sort` do. A field holding an array sorts by its smallest
 * element ascending and by its largest element descending; a missing field sorts as null; an empty
 * array sorts before both. Values of different types follow the BSON type order. Ties keep the
 * input order (MongoDB leaves it unspecified).
 */
export function sortDocuments<T extends Document>(docs: readonly T[], spec: Document): T[] {
  const fields = sortFields(spec);
  const keyed = docs.map((doc, position) => ({
    doc,
    position,
    keys: fields.map(({ path, direction }) => sortKey(doc, path, direction)),
  }));
  keyed.sort((a, b) => {
    for (const [i, { direction }] of fields.entries()) {
      const order = compareBson(a.keys[i], b.keys[i]);
      if (order !== 0) return order * direction;
    }
    return a.position - b.position;
  });
  return keyed.map(({ doc }) => doc);
}

interface SortField {
  path: string;
  direction: 1 | -1;
}

function sortFields(spec: Document): SortField[] {
  return Object.entries(spec).map(([path, value]) => {
    const direction = Number(value);
    if (isPlainObject(value) || (direction !== 1 && direction !== -1)) {
      // Text-score and other `$meta` sorts are refused too: there is no text index to score by.
      throw new CommandError(
        'Location15975',
        '$sort key ordering must be 1 (for ascending) or -1 (for descending)',
      );
    }
    return { path, direction };
  });
}

/** The one value a document sorts by on `path`: the extreme element of what the path reaches. */
function sortKey(doc: Document, path: string, direction: 1 | -1): unknown {
  const values: unknown[] = [];
  let sawEmptyArray = false;
  const collect = (value: unknown, parts: string[], index: number): void => {
    if (index === parts.length) {
      if (!Array.isArray(value)) values.push(value === undefined ? null : value);
      else if (value.length === 0) sawEmptyArray = true;
      else values.push(...value);
      return;
    }
    const part = parts[index]!;
    if (Array.isArray(value)) {
      if (/^\d+$/.test(part) && Number(part) < value.length) {
        collect(value[Number(part)], parts, index + 1);
      } else if (value.length === 0) {
        values.push(null);
      } else {
        for (const item of value) collect(isPlainObject(item) ? item : undefined, parts, index);
      }
      return;
    }
    collect(isPlainObject(value) ? value[part] : undefined, parts, index + 1);
  };
  collect(doc, path.split('.'), 0);
  if (values.length === 0) return sawEmptyArray ? EMPTY_ARRAY : null;
  return values.reduce((best, value) =>
    compareBson(value, best) * direction < 0 ? value : best,
  );
}
