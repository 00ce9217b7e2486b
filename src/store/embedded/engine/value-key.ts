import type { Binary, Document } from 'bson';
import { isPlainObject } from './document-utils.js';

/**
 * A canonical string for a BSON value, equal exactly when MongoDB would call two values equal for
 * `_id` lookups and unique indexes: all numeric types compare by value, objects by ordered fields.
 */
export function valueKey(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  switch (typeof value) {
    case 'number':
      return `n${Object.is(value, -0) ? 0 : value}`;
    case 'bigint':
      return `n${value}`;
    case 'string':
      return `s${JSON.stringify(value)}`;
    case 'boolean':
      return value ? 'b1' : 'b0';
    default:
      break;
  }
  if (value instanceof Date) return `d${value.getTime()}`;
  if (value instanceof RegExp) return `r${JSON.stringify([value.source, value.flags])}`;
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (isPlainObject(value)) {
    const fields = Object.keys(value).map(
      (key) => `${JSON.stringify(key)}:${valueKey(value[key])}`,
    );
    return `{${fields.join(',')}}`;
  }
  return bsonValueKey(value as Document);
}

function bsonValueKey(value: Document): string {
  switch (value._bsontype) {
    case 'ObjectId':
      return `o${value.toHexString()}`;
    case 'Long':
    case 'Int32':
    case 'Double':
      return `n${value.toString()}`;
    case 'Decimal128':
      return `m${value.toString()}`;
    case 'Binary': {
      const binary = value as Binary;
      return `x${binary.sub_type}:${binary.toString('base64')}`;
    }
    case 'Timestamp':
      return `t${value.toString()}`;
    case 'MinKey':
      return 'min';
    case 'MaxKey':
      return 'max';
    default:
      return `e${String(value._bsontype)}:${JSON.stringify(value)}`;
  }
}
