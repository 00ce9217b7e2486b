import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedServer } from '../../src/store/embedded/embedded-server.js';

// Embedded-only: the files are the embedded store's own.
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Modes of the directory and of every file in it, as octal strings. */
async function modes(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = { '.': ((await stat(dir)).mode & 0o777).toString(8) };
  for (const name of await readdir(dir)) found[name] = ((await stat(join(dir, name))).mode & 0o777).toString(8);
  return found;
}

async function writeAndCompact(dataDir: string) {
  const server = await startEmbeddedServer({ dataDir });
  const client = await new MongoClient(server.uri, { serverSelectionTimeoutMS: 5_000 }).connect();
  cleanups.push(() => server.close(), () => client.close());
  await client.db('pacebot').collection('cases').insertOne({ caseRef: 'C1042', milestones: {} });
  // A snapshot as well as the journal: both hold children's data.
  await client.db('pacebot').command({ compact: 'cases' });
  await client.db('pacebot').collection('cases').insertOne({ caseRef: 'C1043', milestones: {} });
}

describe("the embedded store's files (a DPO review: 0644 files in a 0755 directory)", () => {
  it('are readable by the account that runs the bot only, in a directory it creates', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pacebot-modes-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const dataDir = join(root, 'data');
    await writeAndCompact(dataDir);
    const found = await modes(dataDir);
    expect(Object.keys(found).length).toBeGreaterThan(2);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, name === '.' ? '700' : '600'])));
  });

  it('closes an existing data directory that others could read', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pacebot-modes-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await mkdir(dataDir, { recursive: true });
    await chmod(dataDir, 0o755);
    await writeAndCompact(dataDir);
    expect((await modes(dataDir))['.']).toBe('700');
  });
});

describe('how a persistent embedded store is reached', () => {
  it('is a socket file in a directory only this account may enter, not loopback TCP, and goes when it stops', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pacebot-modes-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const server = await startEmbeddedServer({ dataDir });
    let closed = false;
    cleanups.push(() => (closed ? Promise.resolve() : server.close()));
    expect(server.port).toBeUndefined();
    const socket = decodeURIComponent(/^mongodb:\/\/([^/?]+)/.exec(server.uri)![1]!);
    expect(socket).toMatch(/store\.sock$/);
    expect(socket.startsWith(dataDir)).toBe(false);
    expect(((await stat(dirname(socket))).mode & 0o777).toString(8)).toBe('700');
    const client = await new MongoClient(server.uri, { serverSelectionTimeoutMS: 5_000 }).connect();
    expect(await client.db('pacebot').command({ ping: 1 })).toMatchObject({ ok: 1 });
    await client.close();
    await server.close();
    closed = true;
    await expect(stat(dirname(socket))).rejects.toThrow(/ENOENT/);
  });
});

describe('the socket directory of a store that was killed', () => {
  it('is the same directory at the next start, its stale socket replaced: not a new one each start (a review found ten)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pacebot-modes-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await startEmbeddedServer({ dataDir });
    const socket = decodeURIComponent(/^mongodb:\/\/([^/?]+)/.exec(first.uri)![1]!);
    await first.close();
    // As a kill -9 leaves it: the directory, and a socket file nobody listens on.
    await mkdir(dirname(socket), { mode: 0o700 });
    await writeFile(socket, '');
    const second = await startEmbeddedServer({ dataDir });
    cleanups.push(() => second.close());
    expect(decodeURIComponent(/^mongodb:\/\/([^/?]+)/.exec(second.uri)![1]!)).toBe(socket);
    const client = await new MongoClient(second.uri, { serverSelectionTimeoutMS: 5_000 }).connect();
    cleanups.push(() => client.close());
    expect(await client.db('pacebot').command({ ping: 1 })).toMatchObject({ ok: 1 });
  });
});

