import type { Document } from 'bson';
import { isPlainObject } from './document-utils.js';

/**
 * Values as mongod writes them into error messages (`{a: 3}`, `[ 1, "x" ]`, `ObjectId('…')`), so
 * that messages naming a document read the same from the embedded server as from MongoDB.
 */
export function bsonText(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isInteger(value) && !isInt32(value) ? `${value}.0` : String(value);
    case 'bigint':
      return String(value);
    case 'boolean':
      return String(value);
    default:
      break;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? '[]' : `[ ${value.map(bsonText).join(', ')} ]`;
  }
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (isPlainObject(value)) {
    const fields = Object.keys(value).map((key) => `${key}: ${bsonText(value[key])}`);
    return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
  }
  const bson = value as Document;
  if (bson._bsontype === 'ObjectId') return `ObjectId('${String(bson.toHexString())}')`;
  return String(bson.toString());
}

/** One field as mongod prints a lone element: `{name: value}`, without inner spaces. */
export function elementText(name: string, value: unknown): string {
  return `{${name}: ${bsonText(value)}}`;
}

/** MongoDB's name for a value's BSON type, as its error messages use it. */
export function bsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      // The driver sends integral numbers that fit as int32 and the rest as double.
      return isInt32(value) ? 'int' : 'double';
    case 'bigint':
      return 'long';
    case 'boolean':
      return 'bool';
    default:
      break;
  }
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  if (isPlainObject(value)) return 'object';
  const names: Record<string, string> = {
    ObjectId: 'objectId',
    Long: 'long',
    Int32: 'int',
    Double: 'double',
    Decimal128: 'decimal',
    Binary: 'binData',
    Timestamp: 'timestamp',
    MinKey: 'minKey',
    MaxKey: 'maxKey',
    BSONSymbol: 'symbol',
    Code: 'javascript',
    BSONRegExp: 'regex',
    DBRef: 'object',
  };
  return names[String((value as Document)._bsontype)] ?? 'object';
}

/** bson's serializer writes these numbers as int32 and all others as double (-0 included). */
function isInt32(value: number): boolean {
  return (
    Number.isInteger(value) && value >= -2147483648 && value <= 2147483647 && !Object.is(value, -0)
  );
}
