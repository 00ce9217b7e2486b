import type { Document } from 'bson';
import { isPlainObject } from './document-utils.js';

/**
 * A unique index (or `_id`) already holds the key. The message copies MongoDB's wording so that
 * logs read the same against the real server; the command layer turns it into code 11000.
 */
export class DuplicateKeyError extends Error {
  readonly code = 11000;
  readonly keyPattern: Document;
  readonly keyValue: Document;

  constructor(ns: string, indexName: string, keyPattern: Document, keyValue: Document) {
    super(
      `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: ${formatKey(keyValue)}`,
    );
    this.name = 'DuplicateKeyError';
    this.keyPattern = keyPattern;
    this.keyValue = keyValue;
  }
}

function formatKey(keyValue: Document): string {
  const fields = Object.entries(keyValue).map(
    ([field, value]) => `${field}: ${formatValue(value)}`,
  );
  return `{ ${fields.join(', ')} }`;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[ ${value.map(formatValue).join(', ')} ]`;
  if (isPlainObject(value)) return formatKey(value);
  const bson = value as Document;
  if (bson._bsontype === 'ObjectId') return `ObjectId('${bson.toHexString()}')`;
  return String(value);
}
