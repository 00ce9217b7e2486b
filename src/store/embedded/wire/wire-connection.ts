import type { Socket } from 'node:net';
import type { Document } from 'bson';
import type { InexactNumber } from './inexact-numbers.js';
import { MessageReader } from './message-reader.js';
import { encodeOpMsg, MORE_TO_COME, OP_MSG, OP_QUERY, parseOpMsg } from './op-msg.js';
import { encodeOpReply, parseOpQuery, QUERY_FAILURE } from './op-query.js';

/** Runs one command for a connection and resolves with the reply once it may be sent. */
export type CommandRunner = (
  db: string,
  body: Document,
  connectionId: number,
  inexactNumbers: InexactNumber[],
) => Promise<Document>;

let lastRequestId = 0;
const nextRequestId = (): number => (lastRequestId = (lastRequestId + 1) & 0x7fffffff);

/**
 * Serves one client socket. Requests are answered strictly in order, one at a time, as the driver
 * expects on a pooled connection. A malformed message closes the connection: after a framing
 * error the byte stream cannot be trusted.
 */
export function serveConnection(socket: Socket, run: CommandRunner, connectionId: number): void {
  const reader = new MessageReader();
  let queue: Promise<void> = Promise.resolve();
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    let messages: Buffer[];
    try {
      messages = reader.push(chunk);
    } catch {
      socket.destroy();
      return;
    }
    for (const message of messages) {
      queue = queue
        .then(() => answer(message))
        .catch(() => {
          socket.destroy();
        });
    }
  });

  async function answer(message: Buffer): Promise<void> {
    if (socket.destroyed) return;
    const requestId = message.readInt32LE(4);
    const opCode = message.readInt32LE(12);
    if (opCode === OP_MSG) {
      const { flags, body, inexactNumbers } = parseOpMsg(message);
      const db = typeof body.$db === 'string' ? body.$db : 'admin';
      const reply = await run(db, body, connectionId, inexactNumbers);
      // moreToCome from the client (w:0 writes) means it will not read a reply.
      if (!(flags & MORE_TO_COME)) socket.write(encodeOpMsg(nextRequestId(), requestId, reply));
      return;
    }
    if (opCode === OP_QUERY) {
      const { ns, query, inexactNumbers } = parseOpQuery(message);
      if (!ns.endsWith('.$cmd')) {
        const failure = { $err: 'OP_QUERY is only supported for commands', code: 5739101, ok: 0 };
        socket.write(encodeOpReply(nextRequestId(), requestId, failure, QUERY_FAILURE));
        return;
      }
      const wrapped = '$query' in query;
      const body = wrapped ? (query.$query as Document) : query;
      const numbers = wrapped
        ? inexactNumbers
            .filter(({ path }) => path[0] === '$query')
            .map(({ path, type }) => ({ path: path.slice(1), type }))
        : inexactNumbers;
      const reply = await run(ns.slice(0, -'.$cmd'.length), body, connectionId, numbers);
      socket.write(encodeOpReply(nextRequestId(), requestId, reply));
      return;
    }
    // OP_COMPRESSED is never negotiated and the other legacy opcodes are gone since MongoDB 6.0.
    socket.destroy();
  }
}
