import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createCommandRunner } from './command-runner.js';
import { Catalog } from './engine/catalog.js';
import { CURSOR_IDLE_MS, CursorRegistry } from './engine/cursor-registry.js';
import { expireDocuments } from './engine/expire-documents.js';
import { type Durability, memoryDurability } from './persistence/durability.js';
import { openFileDurability } from './persistence/file-durability.js';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './persistence/data-dir.js';
import { serveConnection } from './wire/wire-connection.js';

export interface EmbeddedServerOptions {
  /** Directory for the journal and snapshots; undefined keeps everything in memory (tests). */
  dataDir?: string;
  /**
   * TCP port on 127.0.0.1; 0 picks a free one, reported in `port` and `uri`. Unset with a `dataDir`,
   * the server listens on a socket file only this account can reach instead (privateSocketPath).
   */
  port?: number;
  /** Journal size in bytes that triggers a snapshot and a fresh journal (default 64 MiB). */
  compactAfterBytes?: number;
}

export interface EmbeddedServer {
  /** `mongodb://127.0.0.1:PORT/?directConnection=true`, or the socket file's, for `new MongoClient(uri)`. */
  readonly uri: string;
  /** The TCP port; undefined when the server listens on a socket file. */
  readonly port: number | undefined;
  /** Stops listening, drops connections, flushes and (persistent mode) compacts. Idempotent. */
  close(): Promise<void>;
}

const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

/**
 * Starts a MongoDB-compatible server on loopback, reached with the official driver. Every
 * acknowledged write is on disk first (persistent mode), so a crash or `kill -9` loses nothing
 * the application was told had succeeded.
 */
export async function startEmbeddedServer(
  options: EmbeddedServerOptions = {},
): Promise<EmbeddedServer> {
  const catalog = new Catalog();
  const durability: Durability = options.dataDir
    ? await openFileDurability(options.dataDir, catalog, {
        compactAfterBytes: options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES,
      })
    : memoryDurability;
  const cursors = new CursorRegistry();
  const run = createCommandRunner(catalog, cursors, durability);
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, run, ++connections);
  });
  const socketPath = options.dataDir && options.port === undefined ? await privateSocketPath(options.dataDir) : undefined;
  const removeSocketDir = () => (socketPath ? rm(dirname(socketPath), { recursive: true, force: true }) : Promise.resolve());
  try {
    if (socketPath) await listenOnSocket(server, socketPath);
    else await listen(server, options.port ?? 0);
  } catch (error) {
    await durability.close();
    await removeSocketDir();
    throw error;
  }
  // Once a minute, like mongod: idle cursors time out and TTL indexes expire documents.
  const sweeper = setInterval(() => {
    cursors.sweep(CURSOR_IDLE_MS);
    if (durability.failure) return;
    expireDocuments(catalog, Date.now());
    // Nobody waits for this commit; a failure stays in durability.failure and stops later commands.
    durability.commit(catalog.takePending()).catch(() => undefined);
  }, 60_000);
  sweeper.unref();
  const port = socketPath ? undefined : (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const shutdown = async (): Promise<void> => {
    clearInterval(sweeper);
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await stopped;
    cursors.clear();
    await durability.close();
    await removeSocketDir();
  };
  return {
    uri: socketPath
      ? `mongodb://${encodeURIComponent(socketPath)}/?directConnection=true`
      : `mongodb://127.0.0.1:${port}/?directConnection=true`,
    port,
    close: () => (closing ??= shutdown()),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * A socket file for a persistent store, in a directory of its own that only this account may enter
 * (0700), so no other account on the machine can connect. On loopback TCP, with no password, any
 * account could read and change every child's data while pacebot runs (a DPO review). Not in the
 * data directory: a backup that copies it while pacebot runs would meet a socket, which copying
 * tools refuse or mishandle. Named after the account and the data directory, so a store killed
 * without closing leaves one directory to reuse, not a new one each start (a review found ten);
 * the data directory's lock, already held, means no live server uses it.
 */
async function privateSocketPath(dataDir: string): Promise<string> {
  const uid = process.getuid?.() ?? 0;
  const tag = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `pacebot-store-${uid}-${tag}`);
  try {
    await mkdir(dir, { mode: PRIVATE_DIR_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Reused only if it is a directory of this account's, not a link or someone else's: else a
    // fresh one of a random name, as before.
    const found = await lstat(dir);
    if (!found.isDirectory() || found.isSymbolicLink() || found.uid !== uid) return join(await mkdtemp(join(tmpdir(), 'pacebot-store-')), 'store.sock');
    await chmod(dir, PRIVATE_DIR_MODE);
    await rm(join(dir, 'store.sock'), { force: true });
  }
  return join(dir, 'store.sock');
}

async function listenOnSocket(server: Server, path: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // The directory already keeps others out; the file says the same to anyone who looks.
  await chmod(path, PRIVATE_FILE_MODE);
}
