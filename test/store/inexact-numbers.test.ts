import {
  Binary,
  BSONRegExp,
  BSONSymbol,
  Code,
  DBRef,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  serialize,
  Timestamp,
} from 'bson';
import { describe, expect, it } from 'vitest';
import { findInexactNumbers } from '../../src/store/embedded/wire/inexact-numbers.js';

// The wire decoder's scan for numbers whose BSON type decoding loses (wire/inexact-numbers.ts):
// it walks raw bytes, so it must step over every BSON type to find a long placed after it.

const everyOtherType = {
  str: 'text',
  bin: new Binary(Buffer.from('abc'), 4),
  undef: undefined,
  id: new ObjectId(),
  yes: true,
  at: new Date(0),
  nil: null,
  re: /a.b/i,
  bre: new BSONRegExp('x', 'm'),
  code: new Code('function () {}'),
  scoped: new Code('function () { return n; }', { n: new Long(1) }),
  sym: new BSONSymbol('s'),
  int: new Int32(5),
  ts: new Timestamp({ t: 1, i: 2 }),
  min: new MinKey(),
  max: new MaxKey(),
  ref: new DBRef('things', new ObjectId()),
};

describe('findInexactNumbers', () => {
  it('finds longs, whole-number doubles and decimals, with their paths, past every other type', () => {
    const doc = {
      ...everyOtherType,
      a: new Long(1),
      nested: { ...everyOtherType, list: [1, new Double(2), 2.5, { d: Decimal128.fromString('1') }] },
      end: new Double(-7),
    };
    const bytes = Buffer.from(serialize(doc, { ignoreUndefined: false }));
    expect(findInexactNumbers(bytes)).toEqual([
      { path: ['a'], type: 'long' },
      { path: ['nested', 'list', '1'], type: 'double' },
      { path: ['nested', 'list', '3', 'd'], type: 'decimal' },
      { path: ['end'], type: 'double' },
    ]);
  });

  it('leaves doubles alone that go back out as doubles: fractions, -0, outside int32, NaN', () => {
    const doc = { a: 1.5, b: -0, c: 2 ** 31, d: -(2 ** 31) - 1, e: NaN, f: Infinity };
    const bytes = Buffer.from(serialize(doc));
    expect(findInexactNumbers(bytes)).toEqual([]);
  });

  it('reads a document that starts inside a larger buffer, prefixing its paths', () => {
    const doc = Buffer.from(serialize({ n: new Long(3) }));
    const message = Buffer.concat([Buffer.from([9, 9, 9]), doc]);
    expect(findInexactNumbers(message, 3, ['documents', '0'])).toEqual([
      { path: ['documents', '0', 'n'], type: 'long' },
    ]);
  });
});
