import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { type Document, deserialize, serialize } from 'bson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmbeddedServer,
  startEmbeddedServer,
} from '../../src/store/embedded/embedded-server.js';

// Embedded-only: speaks the wire protocol by hand to cover what the driver never sends
// (checksums, moreToCome, malformed frames) and the legacy OP_QUERY handshake.

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

let server: EmbeddedServer;
beforeAll(async () => {
  server = await startEmbeddedServer();
});
afterAll(() => server.close());

/** A raw connection that collects whole reply messages. */
class RawClient {
  private buffered = Buffer.alloc(0);
  private readonly waiters: ((message: Buffer) => void)[] = [];
  readonly closed: Promise<unknown>;

  constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      while (this.buffered.length >= 4 && this.buffered.length >= this.buffered.readInt32LE(0)) {
        const length = this.buffered.readInt32LE(0);
        this.waiters.shift()?.(this.buffered.subarray(0, length));
        this.buffered = this.buffered.subarray(length);
      }
    });
    this.closed = once(socket, 'close');
  }

  static async open(): Promise<RawClient> {
    const socket = connect(server.port!, '127.0.0.1');
    await once(socket, 'connect');
    return new RawClient(socket);
  }

  send(message: Buffer): Promise<Buffer> {
    const reply = new Promise<Buffer>((resolve) => this.waiters.push(resolve));
    this.socket.write(message);
    return reply;
  }

  write(message: Buffer): void {
    this.socket.write(message);
  }

  end(): void {
    this.socket.destroy();
  }
}

function header(length: number, requestId: number, opCode: number): Buffer {
  const bytes = Buffer.alloc(16);
  bytes.writeInt32LE(length, 0);
  bytes.writeInt32LE(requestId, 4);
  bytes.writeInt32LE(opCode, 12);
  return bytes;
}

function opMsg(
  requestId: number,
  body: Document,
  options: { flags?: number; sequence?: [string, Document[]] } = {},
): Buffer {
  const sections = [Buffer.from([0]), serialize(body)];
  if (options.sequence) {
    const [identifier, docs] = options.sequence;
    const payload = Buffer.concat([
      Buffer.from(`${identifier}\0`),
      ...docs.map((doc) => serialize(doc)),
    ]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4);
    sections.push(Buffer.from([1]), size, payload);
  }
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE(options.flags ?? 0);
  const rest = Buffer.concat([flags, ...sections]);
  return Buffer.concat([header(16 + rest.length, requestId, OP_MSG), rest]);
}

function withChecksum(message: Buffer, checksum: number): Buffer {
  const copy = Buffer.concat([message, Buffer.alloc(4)]);
  copy.writeInt32LE(copy.length, 0);
  copy.writeUInt32LE(copy.readUInt32LE(16) | 1, 16);
  copy.writeUInt32LE(checksum, copy.length - 4);
  return copy;
}

/** CRC-32C written out here as the spec defines it, independent of the server's copy. */
function crc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function replyBody(message: Buffer): Document {
  expect(message.readInt32LE(12)).toBe(OP_MSG);
  return deserialize(message.subarray(21));
}

describe('wire protocol', () => {
  it('answers a legacy OP_QUERY isMaster on admin.$cmd with an OP_REPLY', async () => {
    const client = await RawClient.open();
    const query = Buffer.concat([
      Buffer.alloc(4),
      Buffer.from('admin.$cmd\0'),
      Buffer.from([0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]),
      serialize({ isMaster: 1, helloOk: true }),
    ]);
    const reply = await client.send(Buffer.concat([header(16 + query.length, 7, OP_QUERY), query]));
    expect(reply.readInt32LE(8)).toBe(7);
    expect(reply.readInt32LE(12)).toBe(OP_REPLY);
    expect(reply.readInt32LE(32)).toBe(1);
    const doc = deserialize(reply.subarray(36));
    expect(doc).toMatchObject({ ismaster: true, helloOk: true, ok: 1 });
    expect(doc.maxWireVersion).toBeGreaterThanOrEqual(8);
    client.end();
  });

  it('merges kind-1 document sequences into the command', async () => {
    const client = await RawClient.open();
    const insert = await client.send(
      opMsg(
        1,
        { insert: 'seq', $db: 'wire' },
        { sequence: ['documents', [{ _id: 1 }, { _id: 2 }]] },
      ),
    );
    expect(replyBody(insert)).toMatchObject({ n: 2, ok: 1 });
    const found = replyBody(await client.send(opMsg(2, { find: 'seq', filter: {}, $db: 'wire' })));
    expect(found.cursor.firstBatch).toEqual([{ _id: 1 }, { _id: 2 }]);
    client.end();
  });

  it('accepts a correct CRC-32C checksum and drops the connection on a wrong one', async () => {
    const client = await RawClient.open();
    const plain = opMsg(3, { ping: 1, $db: 'admin' });
    const draft = withChecksum(plain, 0);
    const signed = withChecksum(plain, crc32c(draft.subarray(0, draft.length - 4)));
    expect(replyBody(await client.send(signed))).toEqual({ ok: 1 });
    client.write(withChecksum(plain, 12345));
    await client.closed;
  });

  it('sends no reply to a moreToCome message but still runs it', async () => {
    const client = await RawClient.open();
    client.write(
      opMsg(10, { insert: 'quiet', documents: [{ _id: 'q' }], $db: 'wire' }, { flags: 2 }),
    );
    const reply = await client.send(opMsg(11, { count: 'quiet', $db: 'wire' }));
    expect(reply.readInt32LE(8)).toBe(11);
    expect(replyBody(reply)).toMatchObject({ n: 1, ok: 1 });
    client.end();
  });

  it('closes the connection on an impossible message length', async () => {
    const client = await RawClient.open();
    client.write(header(3, 1, OP_MSG));
    await client.closed;
  });

  it('answers a command without $db against admin, and unknown flags with a closed connection', async () => {
    const client = await RawClient.open();
    expect(replyBody(await client.send(opMsg(20, { ping: 1 })))).toEqual({ ok: 1 });
    client.write(opMsg(21, { ping: 1, $db: 'admin' }, { flags: 1 << 4 }));
    await client.closed;
  });
});
