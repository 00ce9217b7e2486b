import type { Binary, Document } from 'bson';
import { isPlainObject } from './document-utils.js';

/**
 * MongoDB's canonical order of BSON types, used wherever values of different types are compared:
 * sorts, aggregation comparisons (`$cmp`, `$lt`, ... inside `$expr`), `$min`/`$max`.
 * MinKey < missing/undefined < null < numbers < strings < objects < arrays < binData < ObjectId
 * < bool < date < timestamp < regex < MaxKey.
 */
const enum Rank {
  MinKey = 0,
  Missing = 1,
  Null = 2,
  Number = 3,
  String = 4,
  Object = 5,
  Array = 6,
  BinData = 7,
  ObjectId = 8,
  Bool = 9,
  Date = 10,
  Timestamp = 11,
  Regex = 12,
  DbPointer = 13,
  Code = 14,
  MaxKey = 15,
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in MongoDB's order. */
export function compareBson(a: unknown, b: unknown): number {
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  switch (rankA) {
    case Rank.Number:
      return compareNumbers(toNumber(a), toNumber(b));
    case Rank.String:
      return compareStrings(String(stringOf(a)), String(stringOf(b)));
    case Rank.Object:
      return compareObjects(a as Document, b as Document);
    case Rank.Array:
      return compareArrays(a as unknown[], b as unknown[]);
    case Rank.BinData:
      return compareBinary(a as Binary, b as Binary);
    case Rank.ObjectId:
      return compareStrings((a as Document).toHexString(), (b as Document).toHexString());
    case Rank.Bool:
      return Number(a) - Number(b);
    case Rank.Date:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case Rank.Timestamp:
      return compareTimestamps(a as Document, b as Document);
    case Rank.Regex:
      return (
        compareStrings((a as RegExp).source, (b as RegExp).source) ||
        compareStrings((a as RegExp).flags, (b as RegExp).flags)
      );
    default:
      // MinKey, missing, null, MaxKey: one value each. Code and DBPointer compare by text.
      return rankA === Rank.Code || rankA === Rank.DbPointer
        ? compareStrings(JSON.stringify(a), JSON.stringify(b))
        : 0;
  }
}

function rank(value: unknown): Rank {
  if (value === undefined) return Rank.Missing;
  if (value === null) return Rank.Null;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return Rank.Number;
    case 'string':
      return Rank.String;
    case 'boolean':
      return Rank.Bool;
    default:
      break;
  }
  if (Array.isArray(value)) return Rank.Array;
  if (value instanceof Date) return Rank.Date;
  if (value instanceof RegExp) return Rank.Regex;
  if (isPlainObject(value)) return Rank.Object;
  switch ((value as Document)._bsontype) {
    case 'MinKey':
      return Rank.MinKey;
    case 'MaxKey':
      return Rank.MaxKey;
    case 'Int32':
    case 'Double':
    case 'Long':
    case 'Decimal128':
      return Rank.Number;
    case 'BSONSymbol':
      return Rank.String;
    case 'Binary':
      return Rank.BinData;
    case 'ObjectId':
      return Rank.ObjectId;
    case 'Timestamp':
      return Rank.Timestamp;
    case 'BSONRegExp':
      return Rank.Regex;
    case 'DBPointer':
      return Rank.DbPointer;
    case 'Code':
      return Rank.Code;
    default:
      // DBRef and other documents-in-disguise compare as objects.
      return Rank.Object;
  }
}

/** All numeric types compare by value; NaN sorts below every other number, as in MongoDB. */
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Seconds first, then the increment within the second. */
function compareTimestamps(a: Document, b: Document): number {
  return compareNumbers(Number(a.t), Number(b.t)) || compareNumbers(Number(a.i), Number(b.i));
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // Long, Int32, Double and Decimal128 all print their value; Decimal128 loses precision here.
  return Number((value as Document).toString());
}

function stringOf(value: unknown): unknown {
  return typeof value === 'string' ? value : (value as Document).value;
}

/** MongoDB compares strings by their UTF-8 bytes, which is code point order (not UTF-16 order). */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return left.length - right.length < 0 ? -1 : left.length === right.length ? 0 : 1;
}

/** Field by field in stored order: each field's type, then its name, then its value. */
function compareObjects(a: Document, b: Document): number {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  const length = Math.min(keysA.length, keysB.length);
  for (let i = 0; i < length; i++) {
    const [keyA, keyB] = [keysA[i]!, keysB[i]!];
    const byType = rank(a[keyA]) - rank(b[keyB]);
    if (byType !== 0) return byType < 0 ? -1 : 1;
    const byName = compareStrings(keyA, keyB);
    if (byName !== 0) return byName;
    const byValue = compareBson(a[keyA], b[keyB]);
    if (byValue !== 0) return byValue;
  }
  return Math.sign(keysA.length - keysB.length);
}

/** Element by element (this is how values compare; sorts pick one element first). */
function compareArrays(a: unknown[], b: unknown[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareBson(a[i], b[i]);
    if (order !== 0) return order;
  }
  return Math.sign(a.length - b.length);
}

/** Length first, then subtype, then the bytes. */
function compareBinary(a: Binary, b: Binary): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  if (a.sub_type !== b.sub_type) return a.sub_type < b.sub_type ? -1 : 1;
  return Math.sign(Buffer.compare(a.value(), b.value()));
}
