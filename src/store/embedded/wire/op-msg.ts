import { type Document, deserialize, serialize } from 'bson';
import { crc32c } from './crc32c.js';
import { findInexactNumbers, type InexactNumber } from './inexact-numbers.js';
import { WireFramingError } from './message-reader.js';

export const OP_REPLY = 1;
export const OP_COMPRESSED = 2012;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

const CHECKSUM_PRESENT = 1 << 0;
export const MORE_TO_COME = 1 << 1;
/** Bits 0-15 are "required": a receiver must reject a message with one it does not know. */
const KNOWN_REQUIRED_BITS = CHECKSUM_PRESENT | MORE_TO_COME;

export interface OpMsgRequest {
  flags: number;
  /** The kind-0 body with every kind-1 document sequence merged in as an array field. */
  body: Document;
  /** Numbers whose BSON type the decoded body no longer shows (inexact-numbers.ts). */
  inexactNumbers: InexactNumber[];
}

/** Parses an OP_MSG (https://github.com/mongodb/specifications: message/OP_MSG.md). */
export function parseOpMsg(message: Buffer): OpMsgRequest {
  const flags = message.readUInt32LE(16);
  if ((flags & 0xffff & ~KNOWN_REQUIRED_BITS) !== 0) {
    throw new WireFramingError(`unsupported required OP_MSG flag bits ${flags.toString(16)}`);
  }
  let end = message.length;
  if (flags & CHECKSUM_PRESENT) {
    end -= 4;
    if (crc32c(message.subarray(0, end)) !== message.readUInt32LE(end)) {
      throw new WireFramingError('OP_MSG checksum mismatch');
    }
  }
  let body: Document | undefined;
  let inexactNumbers: InexactNumber[] = [];
  const sequences: [string, Document[], InexactNumber[]][] = [];
  let offset = 20;
  while (offset < end) {
    const kind = message[offset++];
    if (kind === 0) {
      const size = message.readInt32LE(offset);
      body = deserialize(message.subarray(offset, offset + size));
      inexactNumbers = findInexactNumbers(message, offset);
      offset += size;
    } else if (kind === 1) {
      const size = message.readInt32LE(offset);
      const sectionEnd = offset + size;
      const nameEnd = message.indexOf(0, offset + 4);
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const docs: Document[] = [];
      const numbers: InexactNumber[] = [];
      for (let at = nameEnd + 1; at < sectionEnd; ) {
        const docSize = message.readInt32LE(at);
        docs.push(deserialize(message.subarray(at, at + docSize)));
        findInexactNumbers(message, at, [String(docs.length - 1)], numbers);
        at += docSize;
      }
      sequences.push([identifier, docs, numbers]);
      offset = sectionEnd;
    } else {
      throw new WireFramingError(`unknown OP_MSG section kind ${String(kind)}`);
    }
  }
  if (!body) throw new WireFramingError('OP_MSG without a body section');
  for (const [identifier, docs, numbers] of sequences) {
    const existing: unknown = body[identifier];
    const before = Array.isArray(existing) ? existing.length : 0;
    body[identifier] = Array.isArray(existing) ? [...(existing as Document[]), ...docs] : docs;
    for (const { path, type } of numbers) {
      const [index, ...rest] = path;
      inexactNumbers.push({ path: [identifier, String(before + Number(index)), ...rest], type });
    }
  }
  return { flags, body, inexactNumbers };
}

export function encodeOpMsg(requestId: number, responseTo: number, body: Document): Buffer {
  const bson = serialize(body, { checkKeys: false, ignoreUndefined: true });
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + bson.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OP_MSG, 12);
  header.writeUInt32LE(0, 16);
  header.writeUInt8(0, 20);
  return Buffer.concat([header, bson]);
}
