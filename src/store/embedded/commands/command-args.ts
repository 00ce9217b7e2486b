import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { isPlainObject } from '../engine/document-utils.js';

/** The collection a command targets, named by the value of its first field. */
export function collectionName(body: Document, field: string): string {
  const name: unknown = body[field];
  if (typeof name !== 'string' || name === '' || name.includes('\0') || name.startsWith('$')) {
    throw new CommandError('InvalidNamespace', `Invalid collection name: ${String(name)}`);
  }
  return name;
}

export function documentArg(body: Document, field: string): Document | undefined {
  const value: unknown = body[field];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${field}' is the wrong type, expected an object`,
    );
  }
  return value;
}

export function arrayArg(body: Document, field: string): Document[] {
  const value: unknown = body[field];
  if (!Array.isArray(value)) {
    throw new CommandError('TypeMismatch', `BSON field '${field}' is missing or is not an array`);
  }
  return value as Document[];
}

/** A count-like option; Int32, Double and promoted Long all arrive as JS numbers. */
export function numberArg(body: Document | undefined, field: string): number | undefined {
  const value: unknown = body?.[field];
  if (value === undefined || value === null) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw new CommandError('TypeMismatch', `BSON field '${field}' must be a number`);
  }
  return number;
}

/** `cursor.batchSize` of find-like commands (undefined: the server default). */
export function cursorBatchSize(body: Document): number | undefined {
  const size = numberArg(body, 'batchSize') ?? numberArg(documentArg(body, 'cursor'), 'batchSize');
  if (size !== undefined && size < 0) throw new CommandError('BadValue', 'batchSize must be >= 0');
  return size;
}
