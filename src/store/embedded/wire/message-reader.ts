import { MAX_MESSAGE_SIZE } from '../commands/handshake-commands.js';

/** Header (16 bytes) plus room for the largest batch the driver may send. */
const MAX_FRAME = MAX_MESSAGE_SIZE + 16 * 1024;

export class WireFramingError extends Error {}

/**
 * Cuts a TCP byte stream into whole wire-protocol messages (each starts with its int32 length).
 * Chunks are only joined once a message is complete, so large batches are not copied repeatedly.
 */
export class MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const length = this.peekLength();
      if (length < 16 || length > MAX_FRAME) {
        throw new WireFramingError(`invalid message length ${length}`);
      }
      if (this.buffered < length) break;
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      messages.push(all.subarray(0, length));
      const rest = all.subarray(length);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
    }
    return messages;
  }

  private peekLength(): number {
    if (this.chunks[0]!.length < 4) {
      this.chunks = [Buffer.concat(this.chunks)];
    }
    return this.chunks[0]!.readInt32LE(0);
  }
}
