import { Binary, Decimal128, Double, Int32, Long, ObjectId, serialize, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { sameValue } from '../../src/store/embedded/engine/same-value.js';

const bytes = (text: string, subtype = 0) => new Binary(Buffer.from(text), subtype);
const id = new ObjectId();

// Values that are alike in some ways and not others: every pair is checked against their bytes.
const values: unknown[] = [
  null,
  0,
  -0,
  1,
  1.5,
  2 ** 31,
  NaN,
  new Int32(1),
  new Long(1),
  new Double(1),
  new Double(1.5),
  new Decimal128('1'),
  new Decimal128('1.0'),
  1n,
  '1',
  true,
  false,
  new Date(0),
  new Date(1),
  /a/i,
  /a/,
  id,
  new ObjectId(id.toHexString()),
  new Timestamp({ t: 1, i: 1 }),
  bytes('abc'),
  bytes('abc', 4),
  bytes('abd'),
  bytes(''),
  [],
  [1],
  [1, 2],
  [new Int32(1), 2],
  [[1]],
  {},
  { a: 1 },
  { a: new Long(1) },
  { b: 1 },
  { a: 1, b: 2 },
  { b: 2, a: 1 },
  { a: { c: bytes('abc') } },
  { a: { c: bytes('abd') } },
  { a: [bytes('abc')] },
];

/** The BSON bytes a value is sent and stored as: what MongoDB's no-op check compares. */
const bytesOf = (value: unknown) => serialize({ v: value });

/**
 * An update reports "modified" when the document changed, as MongoDB decides it: the new value's
 * bytes differ from the old one's (so field order and the BSON type count: int32 1 is not long 1).
 * sameValue answers that without serializing, and must agree with the bytes on every pair.
 */
describe('sameValue', () => {
  it('agrees with comparing the BSON bytes on every pair', () => {
    for (const a of values) {
      for (const b of values) {
        const same = Buffer.compare(bytesOf(a), bytesOf(b)) === 0;
        expect({ a, b, same: sameValue(a, b) }).toEqual({ a, b, same });
      }
    }
  });

  it('compares only the used bytes of a binary that has room to grow', () => {
    const grown = new Binary(); // allocates room, then holds what is put into it
    for (const byte of Buffer.from('abc')) grown.put(byte);
    expect(grown.buffer.length).toBeGreaterThan(grown.position);
    expect(sameValue(grown, bytes('abc'))).toBe(true);
    expect(sameValue({ png: grown }, { png: bytes('abcd') })).toBe(false);
  });
});
