import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StoredImage } from '../store/schemas/digest.js';
import type { ComposedDigest, DigestComposer } from './compose-digest.js';
import type { ComposeRequest, ComposeResponse, DigestWorkerData } from './digest-worker.js';

export interface DigestWorkerOptions extends DigestWorkerData {
  /** A worker with nothing to do for this long ends (and closes its connection); the next digest starts one. */
  idleMs?: number;
}

export interface DigestWorkerPool {
  compose: DigestComposer;
  close(): Promise<void>;
}

const DEFAULT_IDLE_MS = 60_000;

/**
 * How to start the worker: digest-worker.js beside this file when compiled (dist/, `npm run
 * start:prod`); from source (`npm start`, vitest, the benchmarks) digest-worker.ts, through a small
 * bootstrap that registers tsx in the new thread first. Node 20 does not carry a loader registered
 * with `--import tsx` into worker threads, so inheriting execArgv is not enough.
 */
export function workerScript(): { script: string | URL; eval: boolean } {
  const compiled = new URL('./digest-worker.js', import.meta.url);
  if (import.meta.url.endsWith('.js') && existsSync(fileURLToPath(compiled))) return { script: compiled, eval: false };
  const source = new URL('./digest-worker.ts', import.meta.url).href;
  const tsx = tsxApi();
  const script =
    `import(${JSON.stringify(tsx)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return { script, eval: true };
}

/** tsx's ESM API as a file URL, so the bootstrap finds it from any working directory. */
function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Where import.meta.resolve is missing (a test runner's module shim): the same file by its path.
    const root = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    return pathToFileURL(join(root, 'dist/esm/api/index.mjs')).href;
  }
}

/**
 * Loads canvas and its text stack (pango, fontconfig) in this thread before a worker draws text.
 * When a worker thread is the first to draw text, node ends with a segmentation fault at exit
 * (exit code 139 instead of 0, even after the worker was terminated): the text stack's teardown
 * then runs against a thread that is gone. Owned by the main thread, it is torn down with the
 * process. Costs one small text measurement, once, on the first digest.
 */
let textStackReady: Promise<void> | undefined;
function loadTextStackHere(): Promise<void> {
  textStackReady ??= import('canvas').then(({ createCanvas }) => {
    createCanvas(1, 1).getContext('2d').measureText('pacebot');
  });
  return textStackReady;
}

/** Structured cloning turns Buffers into plain Uint8Arrays; the driver and the Replies want Buffers. */
const buffer = (bytes: unknown) => {
  const view = bytes as Uint8Array;
  return Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
};

function revive(digest: ComposedDigest): ComposedDigest {
  const images: StoredImage[] = digest.images.map((image) => ({ ...image, png: buffer(image.png) }));
  return { ...digest, images, pack: { ...digest.pack, pdf: buffer(digest.pack.pdf) } };
}

/**
 * One worker thread that composes digests (measures, charts, messages, the meeting pack) off the
 * request thread, so a planning run over every area never holds up an ack. One is enough: a
 * planning run builds one digest at a time, and on a two-core machine the other core serves
 * requests. Started on the first digest and ended when idle; unref'd, so it never keeps the process
 * alive. A worker that dies fails the digests it held (their build lease lets a later run retry)
 * and the next digest starts a fresh one.
 */
export function createDigestWorkerPool(options: DigestWorkerOptions): DigestWorkerPool {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  // Each request remembers its worker: one that ends fails only its own requests, not those already
  // sent to the fresh worker that replaced it.
  type Waiting = { by: Worker; resolve: (d: ComposedDigest) => void; reject: (e: Error) => void };
  const pending = new Map<number, Waiting>();
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 1;

  const failAll = (by: Worker, error: Error) => {
    for (const [id, waiting] of pending) {
      if (waiting.by !== by) continue;
      pending.delete(id);
      waiting.reject(error);
    }
  };

  const start = (): Worker => {
    const { script, eval: evaluate } = workerScript();
    const data: DigestWorkerData = { mongoUri: options.mongoUri, dbName: options.dbName };
    const started = new Worker(script, { workerData: data, eval: evaluate });
    started.on('message', (response: ComposeResponse) => {
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if (response.ok) waiting.resolve(revive(response.digest));
      else waiting.reject(Object.assign(new Error(response.error.message), { name: response.error.name }));
      if (pending.size === 0) idle = setTimeout(() => void stop(), idleMs).unref();
    });
    started.on('error', (error) => failAll(started, error));
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(started, new Error(`the digest worker stopped (exit code ${code})`));
    });
    // After the listeners: adding a 'message' listener refs a worker again, and the process then
    // waited for the idle timeout (a minute) before it could end.
    started.unref();
    return started;
  };

  const stop = async () => {
    const running = worker;
    worker = null;
    if (running) await running.terminate();
  };

  const compose: DigestComposer = async (store, programme, meeting, now) => {
    clearTimeout(idle);
    await loadTextStackHere();
    const by = (worker ??= start());
    const id = nextId++;
    // The programme's ObjectId would arrive as a plain object: the worker needs none of it.
    const { _id: _ignored, ...plain } = programme as typeof programme & { _id?: unknown };
    const request: ComposeRequest = { id, workspaceId: store.workspaceId, programme: plain, meeting, now };
    return new Promise<ComposedDigest>((resolve, reject) => {
      pending.set(id, { by, resolve, reject });
      by.postMessage(request);
    });
  };

  return {
    compose,
    async close() {
      clearTimeout(idle);
      await stop();
    },
  };
}
