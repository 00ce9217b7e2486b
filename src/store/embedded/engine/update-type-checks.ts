import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { bsonTypeName, elementText } from './bson-text.js';
import { isPlainObject } from './document-utils.js';

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

/**
 * Refuses, with MongoDB's codes and messages, the updates mingo would silently skip: arithmetic
 * on a non-number (14), `$push` and friends on a non-array (2 or 14), and creating a field inside
 * a scalar, null or array (28). Checked on the document before any change, like mongod does.
 * Paths through positional elements (`$`, `$[]`, `$[id]`) are left to mingo.
 */
export function checkUpdateTypes(doc: Document, modifier: Document): void {
  for (const [operator, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, argument] of Object.entries(fields)) {
      if (path.split('.').some((part) => part.startsWith('$'))) continue;
      checkPath(doc, operator, path, CREATING.has(operator));
      if (operator === '$rename' && typeof argument === 'string' && hasValue(doc, path)) {
        checkPath(doc, '$set', argument, true);
      }
    }
  }
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

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true;
  const type = (value as Document | null)?._bsontype;
  return type === 'Long' || type === 'Int32' || type === 'Double' || type === 'Decimal128';
}
