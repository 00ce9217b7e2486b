import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StoredImage } from '../store/schemas/digest.js';
import type { ComposedDigest, DigestComposer } from './compose-digest.js';
import { acceptedDigestV8Flags } from './digest-v8-flags.js';
import { digestProcessNice, startAtPriority } from './lower-process-priority.js';
import type { ComposeRequest, ComposeResponse, ConnectMessage } from './digest-process.js';

export interface DigestWorkerOptions {
  mongoUri: string;
  dbName: string;
  /** A digest process with nothing to do for this long ends (and closes its connection); the next digest starts one. */
  idleMs?: number;
  /** Longest one digest may take before its process is ended and the digest failed. */
  composeTimeoutMs?: number;
}

export interface DigestWorkerPool {
  compose: DigestComposer;
  close(): Promise<void>;
  /** The digest process's id while one runs (for tests and diagnostics). */
  pid(): number | undefined;
}

const DEFAULT_IDLE_MS = 60_000;
/** A 2,000-case digest takes under a second; minutes mean the process is stuck. */
const DEFAULT_COMPOSE_TIMEOUT_MS = 5 * 60_000;

/**
 * Sends a message to the digest process; a failure fails what that process holds instead of
 * throwing. With 'advanced' serialisation a value that cannot be cloned throws at once, and a
 * process whose fork failed has no channel at all.
 */
function send(child: ChildProcess, message: unknown, failed: (error: Error) => void): void {
  if (!child.connected) {
    // 'error' or 'exit' follows (or came) and fails what it holds; nothing to send to.
    if (child.exitCode !== null || child.signalCode !== null) failed(new Error('the digest process has stopped'));
    return;
  }
  try {
    child.send(message as never, (error) => {
      if (error) failed(error);
    });
  } catch (error) {
    failed(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Names of settings the digest process must not inherit: it reads the store and nothing else. */
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSWD|CLIENT_ID|APP_ID|API_KEY|PRIVATE|CREDENTIAL|MONGODB_URI/i;

/** The environment for the digest process: this one's, without tokens, secrets and the store's address. */
function withoutSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !SECRET_NAME.test(name)));
}

/**
 * How to start the digest process: digest-process.js beside this file when compiled (dist/, `npm
 * run start:prod`); from source (`npm start`, vitest, the benchmarks) digest-process.ts with tsx's
 * loader, found from this file so any working directory will do.
 */
export function processScript(v8Flags: readonly string[] = []): { script: string; execArgv: string[] } {
  const compiled = new URL('./digest-process.js', import.meta.url);
  if (import.meta.url.endsWith('.js') && existsSync(fileURLToPath(compiled))) {
    return { script: fileURLToPath(compiled), execArgv: ['--no-deprecation', ...v8Flags] };
  }
  const source = fileURLToPath(new URL('./digest-process.ts', import.meta.url));
  return { script: source, execArgv: ['--no-deprecation', ...v8Flags, '--import', tsxLoader()] };
}

/** tsx's loader as a file URL. */
function tsxLoader(): string {
  try {
    return import.meta.resolve('tsx');
  } catch {
    // Where import.meta.resolve is missing (a test runner's module shim): the same file by its path.
    const root = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    return pathToFileURL(join(root, 'dist/loader.mjs')).href;
  }
}

/** The IPC channel's serialisation turns Buffers into plain Uint8Arrays; the driver and the Replies want Buffers. */
const buffer = (bytes: unknown) => {
  const view = bytes as Uint8Array;
  return Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
};

function revive(digest: ComposedDigest): ComposedDigest {
  const images: StoredImage[] = digest.images.map((image) => ({ ...image, png: buffer(image.png) }));
  return { ...digest, images, pack: { ...digest.pack, pdf: buffer(digest.pack.pdf) } };
}

/**
 * Whether the digest process keeps this one alive: only while a digest is awaited. Idle, neither it
 * nor its channel does, so a stopping server ends at once (and the digest process ends with it,
 * when its channel closes).
 */
function keepAlive(child: ChildProcess, awaited: boolean): void {
  if (awaited) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

/**
 * One child process that composes digests (measures, charts, messages, the meeting pack) off the
 * request process, so a planning run over every area never holds up an ack. A process rather than a
 * worker thread so that all of its threads, the garbage collector's and compiler's helpers among
 * them, run at a lower priority than the request thread: with a worker thread those helpers worked
 * at full priority and, on a two-core machine, a few bursts of acks during a 32-area run waited
 * behind them (issue 15). One is enough: a planning run builds one digest at a time, and on a
 * two-core machine the other core serves requests. Started on the first digest and ended when idle;
 * unref'd, so it never keeps a stopping process alive, and it ends with the process that started
 * it. A process that dies fails the digests it held (their build lease lets a later run retry) and
 * the next digest starts a fresh one.
 */
export function createDigestWorkerPool(options: DigestWorkerOptions): DigestWorkerPool {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const composeTimeoutMs = options.composeTimeoutMs ?? DEFAULT_COMPOSE_TIMEOUT_MS;
  // Each request remembers its process: one that ends fails only its own requests, not those
  // already sent to the fresh process that replaced it.
  type Waiting = { by: ChildProcess; resolve: (d: ComposedDigest) => void; reject: (e: Error) => void };
  const pending = new Map<number, Waiting>();
  let child: ChildProcess | null = null;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 1;

  const failAll = (by: ChildProcess, error: Error) => {
    for (const [id, waiting] of pending) {
      if (waiting.by !== by) continue;
      pending.delete(id);
      waiting.reject(error);
    }
  };

  const start = (v8Flags: readonly string[]): ChildProcess => {
    const { script, execArgv } = processScript(v8Flags);
    const nice = digestProcessNice();
    // 'advanced' serialisation carries Dates and binary data as they are (JSON would not).
    const started = fork(script, [String(nice)], {
      execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: withoutSecrets(process.env),
    });
    startAtPriority(started.pid, nice);
    // Listeners first: a fork that fails (no file descriptors or memory left) reports it as an
    // 'error' event, which with no listener would end the whole server.
    started.on('message', (response: ComposeResponse) => {
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if (response.ok) waiting.resolve(revive(response.digest));
      else waiting.reject(Object.assign(new Error(response.error.message), { name: response.error.name }));
      if (pending.size === 0) {
        keepAlive(started, false);
        idle = setTimeout(() => void stop(), idleMs).unref();
      }
    });
    started.on('error', (error) => {
      if (child === started) child = null;
      failAll(started, error);
    });
    started.on('exit', (code, signal) => {
      if (child === started) child = null;
      failAll(started, new Error(`the digest process stopped (${signal ?? `exit code ${code}`})`));
    });
    keepAlive(started, false);
    const connect: ConnectMessage = { kind: 'connect', mongoUri: options.mongoUri, dbName: options.dbName };
    send(started, connect, (error) => failAll(started, error));
    return started;
  };

  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exited;
  };

  const compose: DigestComposer = async (store, programme, meeting, now) => {
    // Checked once per process, in a child of its own, before the first digest process starts.
    const v8Flags = await acceptedDigestV8Flags();
    clearTimeout(idle);
    const by = (child ??= start(v8Flags));
    const id = nextId++;
    // The programme's ObjectId would arrive as a plain object: the digest process needs none of it.
    const { _id: _ignored, ...plain } = programme as typeof programme & { _id?: unknown };
    const request: ComposeRequest = { kind: 'compose', id, workspaceId: store.workspaceId, programme: plain, meeting, now };
    return new Promise<ComposedDigest>((resolve, reject) => {
      // A digest process that never answers (a loop, a hung read) is ended, so the planning run
      // and every later digest do not wait behind it for ever; its build lease lets a later run retry.
      const timer = setTimeout(() => {
        failAll(by, new Error(`the digest process took more than ${Math.round(composeTimeoutMs / 1000)} s over one digest`));
        if (child === by) child = null;
        by.kill('SIGKILL');
      }, composeTimeoutMs).unref();
      const settle = <T>(then: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        then(value);
      };
      pending.set(id, { by, resolve: settle(resolve), reject: settle(reject) });
      keepAlive(by, true);
      send(by, request, (error) => failAll(by, error));
    });
  };

  return {
    compose,
    async close() {
      clearTimeout(idle);
      await stop();
    },
    pid: () => child?.pid,
  };
}
