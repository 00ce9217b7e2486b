import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { CommandError } from '../command-error.js';
import { bsonTypeName, elementText } from './bson-text.js';
import { isPlainObject } from './document-utils.js';
import { mingoOptions } from './mingo-options.js';

/** Operators that create the path they name when it is missing, so a scalar on the way is fatal. */
const CREATING = new Set([
  '$set',
  '$setOnInsert',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$addToSet',
  '$currentDate',
  '$bit',
]);

/** Where a positional path (`$`, `$[]`, `$[id]`) points in the document being updated. */
export interface PositionalContext {
  /** The filter that selected the document: `$` names the first element it matched. */
  query?: Document;
  arrayFilters?: Document[];
}

/**
 * Refuses, with MongoDB's codes and messages, the updates mingo would silently skip: arithmetic
 * on a non-number (14), `$push` and friends on a non-array (2 or 14), and creating a field inside
 * a scalar, null or array (28). Checked on the document before any change, like mongod does.
 * Positional paths are checked at each element they reach; one whose elements cannot be found
 * (no array there, no matching query condition) is left to mingo, which refuses it.
 */
export function checkUpdateTypes(
  doc: Document,
  modifier: Document,
  positional: PositionalContext = {},
): void {
  for (const [operator, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, argument] of Object.entries(fields)) {
      for (const concrete of concretePaths(doc, path, positional)) {
        checkPath(doc, operator, concrete, CREATING.has(operator));
      }
      if (operator === '$rename' && typeof argument === 'string' && hasValue(doc, path)) {
        checkPath(doc, '$set', argument, true);
      }
    }
  }
}

/** The element paths a positional path stands for in this document (the path itself if plain). */
export function concretePaths(doc: Document, path: string, positional: PositionalContext): string[] {
  let prefixes: { path: string[]; value: unknown }[] = [{ path: [], value: doc }];
  for (const part of path.split('.')) {
    const next: typeof prefixes = [];
    for (const prefix of prefixes) {
      if (!part.startsWith('$')) {
        next.push({ path: [...prefix.path, part], value: child(prefix.value, part) });
        continue;
      }
      if (!Array.isArray(prefix.value)) return [];
      const elements = prefix.value;
      const indexes = elements
        .map((_, index) => index)
        .filter((index) => elementSelected(part, prefix.path.join('.'), elements[index], positional));
      if (part === '$' && indexes.length > 0) indexes.splice(1);
      for (const index of indexes) {
        next.push({ path: [...prefix.path, String(index)], value: elements[index] });
      }
    }
    prefixes = next;
  }
  return prefixes.map((prefix) => prefix.path.join('.'));
}

function child(value: unknown, part: string): unknown {
  if (isPlainObject(value)) return value[part];
  return Array.isArray(value) && /^\d+$/.test(part) ? value[Number(part)] : undefined;
}

function elementSelected(
  part: string,
  arrayPath: string,
  element: unknown,
  { query, arrayFilters }: PositionalContext,
): boolean {
  if (part === '$[]') return true;
  if (part === '$') {
    // The query's conditions on this array, tested against it as if it held only this element.
    const conditions = Object.entries(query ?? {}).filter(
      ([key]) => key === arrayPath || key.startsWith(`${arrayPath}.`),
    );
    if (conditions.length === 0) return false;
    const filter = Object.fromEntries(
      conditions.map(([key, condition]) => [`e${key.slice(arrayPath.length)}`, condition]),
    );
    return new Query(filter, mingoOptions()).test({ e: [element] });
  }
  const id = /^\$\[(\w+)\]$/.exec(part)?.[1];
  const filter = arrayFilters?.find((candidate) =>
    Object.keys(candidate).some((key) => key === id || key.startsWith(`${id}.`)),
  );
  return filter !== undefined && new Query(filter, mingoOptions()).test({ [id!]: element });
}

function hasValue(doc: Document, path: string): boolean {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(value)) return false;
    value = value[part];
  }
  return value !== undefined;
}

function checkPath(doc: Document, operator: string, path: string, creates: boolean): void {
  const parts = path.split('.');
  let container: unknown = doc;
  for (const [index, part] of parts.entries()) {
    const isLeaf = index === parts.length - 1;
    if (Array.isArray(container) && /^\d+$/.test(part)) {
      if (Number(part) >= container.length) return; // created (padded with nulls) or a no-op
      if (isLeaf) return checkTarget(doc, operator, path, part, container[Number(part)]);
      container = container[Number(part)];
      continue;
    }
    if (!isPlainObject(container)) {
      // The path runs into a value that cannot hold a named field.
      if (!creates) return;
      const parent = parts[index - 1]!;
      throw new CommandError(
        'PathNotViable',
        `Cannot create field '${part}' in element ${elementText(parent, container)}`,
      );
    }
    if (!Object.hasOwn(container, part)) return; // created from here on, or a no-op
    if (isLeaf) return checkTarget(doc, operator, path, part, container[part]);
    container = container[part];
  }
}

function checkTarget(doc: Document, operator: string, path: string, field: string, value: unknown) {
  const type = bsonTypeName(value);
  const id = '_id' in doc ? elementText('_id', doc._id) : '{no id}';
  switch (operator) {
    case '$inc':
    case '$mul':
      if (!isNumeric(value)) {
        throw new CommandError(
          'TypeMismatch',
          `Cannot apply ${operator} to a value of non-numeric type. ${id} has the field '${field}' of non-numeric type ${type}`,
        );
      }
      return;
    case '$push':
      if (!Array.isArray(value)) {
        throw new CommandError(
          'BadValue',
          `The field '${field}' must be an array but is of type ${type} in document ${id}`,
        );
      }
      return;
    case '$addToSet':
      if (!Array.isArray(value)) {
        throw new CommandError(
          'BadValue',
          `Cannot apply $addToSet to non-array field. Field named '${field}' has non-array type ${type}`,
        );
      }
      return;
    case '$pull':
    case '$pullAll':
      if (!Array.isArray(value)) {
        throw new CommandError('BadValue', 'Cannot apply $pull to a non-array value');
      }
      return;
    case '$pop':
      if (!Array.isArray(value)) {
        throw new CommandError(
          'TypeMismatch',
          `Path '${path}' contains an element of non-array type '${type}'`,
        );
      }
      return;
    default:
      return;
  }
}

export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true;
  const type = (value as Document | null)?._bsontype;
  return type === 'Long' || type === 'Int32' || type === 'Double' || type === 'Decimal128';
}
