import { type Document, deserialize, serialize } from 'bson';
import { findInexactNumbers, type InexactNumber } from './inexact-numbers.js';
import { OP_REPLY } from './op-msg.js';

export interface OpQueryRequest {
  /** `<db>.<collection>`; commands arrive on `<db>.$cmd`. */
  ns: string;
  query: Document;
  /** Numbers whose BSON type the decoded query no longer shows (inexact-numbers.ts). */
  inexactNumbers: InexactNumber[];
}

/**
 * Parses the legacy OP_QUERY a driver still uses for its first `hello`/`isMaster` before it knows
 * the server speaks OP_MSG.
 */
export function parseOpQuery(message: Buffer): OpQueryRequest {
  const nsEnd = message.indexOf(0, 20);
  const ns = message.toString('utf8', 20, nsEnd);
  const queryStart = nsEnd + 1 + 8; // skip numberToSkip and numberToReturn
  const size = message.readInt32LE(queryStart);
  const query = deserialize(message.subarray(queryStart, queryStart + size));
  return { ns, query, inexactNumbers: findInexactNumbers(message, queryStart) };
}

export const QUERY_FAILURE = 2;

/** An OP_REPLY carrying one document. */
export function encodeOpReply(
  requestId: number,
  responseTo: number,
  doc: Document,
  flags = 0,
): Buffer {
  const bson = serialize(doc, { checkKeys: false, ignoreUndefined: true });
  const header = Buffer.alloc(36);
  header.writeInt32LE(36 + bson.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OP_REPLY, 12);
  header.writeInt32LE(flags, 16);
  header.writeBigInt64LE(0n, 20); // cursorID
  header.writeInt32LE(0, 28); // startingFrom
  header.writeInt32LE(1, 32); // numberReturned
  return Buffer.concat([header, bson]);
}
