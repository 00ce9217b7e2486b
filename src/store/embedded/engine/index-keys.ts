import type { Document } from 'bson';
import { isPlainObject } from './document-utils.js';
import { valueKey } from './value-key.js';

/** One entry a document contributes to an index: the canonical key and the values behind it. */
export interface IndexEntry {
  key: string;
  values: unknown[];
}

/**
 * Every value found at a dotted path, descending into arrays as MongoDB's multikey indexes do.
 * An empty result means the field is missing.
 */
export function valuesAtPath(doc: Document, path: string): unknown[] {
  const found: unknown[] = [];
  collect(doc, path.split('.'), 0, found);
  return found;
}

function collect(value: unknown, parts: string[], index: number, found: unknown[]): void {
  if (index === parts.length) {
    if (Array.isArray(value)) found.push(...(value.length === 0 ? [undefined] : value));
    else found.push(value);
    return;
  }
  const part = parts[index]!;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part)) collect(value[Number(part)], parts, index + 1, found);
    else for (const item of value) if (isPlainObject(item)) collect(item, parts, index, found);
    return;
  }
  if (isPlainObject(value) && Object.hasOwn(value, part))
    collect(value[part], parts, index + 1, found);
}

/**
 * The entries a document puts into an index on `fields`, or undefined when a sparse index skips
 * it. Missing fields index as null; arrays fan out into one entry per element combination.
 */
export function indexEntries(
  doc: Document,
  fields: string[],
  sparse: boolean,
): IndexEntry[] | undefined {
  const perField = fields.map((field) => valuesAtPath(doc, field));
  if (sparse && perField.every((values) => values.length === 0)) return undefined;
  let combos: unknown[][] = [[]];
  for (const values of perField) {
    const options = values.length === 0 ? [null] : values;
    combos = combos.flatMap((combo) => options.map((value) => [...combo, value]));
  }
  const entries = new Map<string, IndexEntry>();
  for (const values of combos) {
    const key = values.map(valueKey).join('\u0000');
    entries.set(key, { key, values });
  }
  return [...entries.values()];
}
