import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE, syncDirectory } from './data-dir.js';

type QueueItem =
  | { kind: 'frame'; bytes: Buffer; resolve: () => void; reject: (error: Error) => void }
  | { kind: 'rotate'; path: string; resolve: () => void; reject: (error: Error) => void };

/**
 * Appends frames to the journal with group commit: frames that arrive while an fsync is running
 * are written together and share the next fsync. A frame's promise resolves only once its bytes
 * are on disk. After any I/O error the writer refuses all further work: memory and disk may
 * disagree, and only a restart (replaying the journal) makes them agree again.
 */
export class JournalWriter {
  private handle: FileHandle;
  private bytes: number;
  private queue: QueueItem[] = [];
  private draining = false;
  private failure: Error | undefined;
  private last: Promise<void> = Promise.resolve();

  private constructor(handle: FileHandle, bytes: number) {
    this.handle = handle;
    this.bytes = bytes;
  }

  static async open(path: string): Promise<JournalWriter> {
    const handle = await open(path, 'a', PRIVATE_FILE_MODE);
    await syncDirectory(dirname(path));
    return new JournalWriter(handle, (await handle.stat()).size);
  }

  /** Bytes in the current journal file, written or queued. */
  get size(): number {
    return this.bytes;
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  append(bytes: Buffer): Promise<void> {
    this.bytes += bytes.length;
    return this.enqueue((resolve, reject) => ({ kind: 'frame', bytes, resolve, reject }));
  }

  /** Frames queued before this call go to the current file, later ones to `path`. */
  rotate(path: string): Promise<void> {
    this.bytes = 0;
    return this.enqueue((resolve, reject) => ({ kind: 'rotate', path, resolve, reject }));
  }

  /** Resolves once everything queued so far is durable. */
  flushed(): Promise<void> {
    return this.last;
  }

  async close(): Promise<void> {
    await this.last.catch(() => undefined);
    await this.handle.close();
  }

  private enqueue(
    make: (resolve: () => void, reject: (error: Error) => void) => QueueItem,
  ): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const promise = new Promise<void>((resolve, reject) => this.queue.push(make(resolve, reject)));
    this.last = promise;
    if (!this.draining) void this.drain();
    return promise;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    let batch: QueueItem[] = [];
    try {
      while (this.queue.length > 0) {
        const first = this.queue[0]!;
        if (first.kind === 'rotate') {
          batch = this.queue.splice(0, 1);
          await this.switchTo(first.path);
        } else {
          const stop = this.queue.findIndex((item) => item.kind === 'rotate');
          batch = this.queue.splice(0, stop === -1 ? this.queue.length : stop);
          await this.writeAll(
            batch.map((item) => (item.kind === 'frame' ? item.bytes : Buffer.alloc(0))),
          );
          await this.handle.datasync();
        }
        for (const item of batch) item.resolve();
        batch = [];
      }
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      for (const item of [...batch, ...this.queue.splice(0)]) item.reject(this.failure);
    } finally {
      this.draining = false;
    }
  }

  private async writeAll(buffers: Buffer[]): Promise<void> {
    let pending = Buffer.concat(buffers);
    while (pending.length > 0) {
      const { bytesWritten } = await this.handle.write(pending);
      pending = pending.subarray(bytesWritten);
    }
  }

  private async switchTo(path: string): Promise<void> {
    await this.handle.close();
    this.handle = await open(path, 'a', PRIVATE_FILE_MODE);
    await syncDirectory(dirname(path));
  }
}
