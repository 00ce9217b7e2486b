import { crc32 } from 'node:zlib';
import { type Document, deserialize, serialize } from 'bson';

/** "PBEF": lets a reader tell our frames from zero-filled or foreign bytes at a glance. */
const MAGIC = 0x50424546;
const HEADER = 12;

/**
 * A frame is `magic | payload length | CRC-32 of payload | payload`, the payload being BSON
 * documents back to back. A frame is written whole or, after a crash, fails its length or CRC
 * check, so a reader can always find where the intact part of a file ends.
 */
export function encodeFrame(docs: Document[]): Buffer {
  const payload = Buffer.concat(
    docs.map((doc) => serialize(doc, { checkKeys: false, ignoreUndefined: true })),
  );
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(payload.length, 4);
  header.writeUInt32LE(crc32(payload), 8);
  return Buffer.concat([header, payload]);
}

export interface DecodedFrames {
  frames: Document[][];
  /** Bytes from the start of the buffer that hold whole, valid frames. */
  validBytes: number;
}

/** Reads frames until the end or the first damaged one (a torn write or trailing garbage). */
export function decodeFrames(buffer: Buffer): DecodedFrames {
  const frames: Document[][] = [];
  let offset = 0;
  while (offset + HEADER <= buffer.length) {
    if (buffer.readUInt32LE(offset) !== MAGIC) break;
    const length = buffer.readUInt32LE(offset + 4);
    const end = offset + HEADER + length;
    if (length === 0 || end > buffer.length) break;
    const payload = buffer.subarray(offset + HEADER, end);
    if (crc32(payload) !== buffer.readUInt32LE(offset + 8)) break;
    const docs = decodePayload(payload);
    if (!docs) break;
    frames.push(docs);
    offset = end;
  }
  return { frames, validBytes: offset };
}

function decodePayload(payload: Buffer): Document[] | undefined {
  const docs: Document[] = [];
  try {
    for (let at = 0; at < payload.length; ) {
      const size = payload.readInt32LE(at);
      if (size < 5 || at + size > payload.length) return undefined;
      docs.push(deserialize(payload.subarray(at, at + size)));
      at += size;
    }
  } catch {
    return undefined;
  }
  return docs;
}
