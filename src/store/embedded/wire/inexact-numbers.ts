/**
 * The embedded store holds numbers as JavaScript numbers, and a number goes back out as the BSON
 * type bson's serializer picks for its value: int32 when it is a whole number in int32's range,
 * otherwise double. The decoder (default promotion) turns an int64, or a double holding a whole
 * number such as 1.0, into that same JavaScript number, so its BSON type would be lost without a
 * trace. This finds, in the raw bytes, every number whose type would not survive that round trip
 * (and every decimal128, which mingo cannot compare with other numbers), so the commands can refuse
 * to store them instead of storing a different type silently. It only walks the bytes: a request
 * without such numbers (every request pacebot makes) costs one pass and no allocation per value.
 */
export interface InexactNumber {
  /** Where the value sits in the command: field names and array indexes, outermost first. */
  path: string[];
  /** MongoDB's name for the type that would be lost: 'long', 'double' or 'decimal'. */
  type: 'long' | 'double' | 'decimal';
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Every inexact number in the BSON document starting at `start`, its path prefixed by `prefix`. */
export function findInexactNumbers(
  bytes: Buffer,
  start = 0,
  prefix: string[] = [],
  found: InexactNumber[] = [],
): InexactNumber[] {
  scan(bytes, start, { prefix, names: [] }, found);
  return found;
}

/**
 * Where the scan is: the names of the enclosing fields as [start, end) byte offsets, decoded only
 * for a number found (most requests have none, and a scan should cost less than the decoding).
 */
interface Position {
  prefix: string[];
  names: number[];
}

function pathAt(bytes: Buffer, position: Position, nameStart: number, nameEnd: number): string[] {
  const path = [...position.prefix];
  for (let i = 0; i < position.names.length; i += 2) {
    path.push(bytes.toString('utf8', position.names[i], position.names[i + 1]));
  }
  path.push(bytes.toString('utf8', nameStart, nameEnd));
  return path;
}

function scan(bytes: Buffer, start: number, position: Position, found: InexactNumber[]): void {
  const end = start + bytes.readInt32LE(start) - 1; // the document's closing 0 byte
  let at = start + 4;
  while (at < end) {
    const type = bytes[at++]!;
    const nameStart = at;
    while (bytes[at] !== 0) at++;
    const nameEnd = at++;
    switch (type) {
      case 0x01: {
        const value = bytes.readDoubleLE(at);
        if (Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0)) {
          found.push({ path: pathAt(bytes, position, nameStart, nameEnd), type: 'double' });
        }
        at += 8;
        break;
      }
      case 0x03: // document
      case 0x04: // array
        position.names.push(nameStart, nameEnd);
        scan(bytes, at, position, found);
        position.names.length -= 2;
        at += bytes.readInt32LE(at);
        break;
      case 0x10: // int32, the commonest number
        at += 4;
        break;
      case 0x12:
        found.push({ path: pathAt(bytes, position, nameStart, nameEnd), type: 'long' });
        at += 8;
        break;
      case 0x13:
        found.push({ path: pathAt(bytes, position, nameStart, nameEnd), type: 'decimal' });
        at += 16;
        break;
      default:
        at += valueSize(bytes, type, at);
    }
  }
}

/** The size of a value of a type that holds no numbers we look for. */
function valueSize(bytes: Buffer, type: number, at: number): number {
  switch (type) {
    case 0x02: // string
    case 0x0d: // JavaScript code
    case 0x0e: // symbol
      return 4 + bytes.readInt32LE(at);
    case 0x05: // binary: length, subtype, bytes
      return 5 + bytes.readInt32LE(at);
    case 0x06: // undefined
    case 0x0a: // null
    case 0x7f: // MaxKey
    case 0xff: // MinKey
      return 0;
    case 0x07: // ObjectId
      return 12;
    case 0x08: // boolean
      return 1;
    case 0x09: // date
    case 0x11: // timestamp
      return 8;
    case 0x0b: {
      // regex: pattern and options, two C strings
      const patternEnd = bytes.indexOf(0, at);
      return bytes.indexOf(0, patternEnd + 1) + 1 - at;
    }
    case 0x0c: // DBPointer: string, then a 12-byte ObjectId
      return 4 + bytes.readInt32LE(at) + 12;
    case 0x0f: // code with scope: its total length comes first
      return bytes.readInt32LE(at);
    case 0x10: // int32
      return 4;
    default:
      // bson's deserializer has already refused the message for an unknown type.
      throw new Error(`unknown BSON type 0x${type.toString(16)}`);
  }
}
