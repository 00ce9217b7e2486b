import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Binary, MongoClient, type MongoServerError, ObjectId } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type EmbeddedServer,
  startEmbeddedServer,
} from '../../src/store/embedded/embedded-server.js';

// Embedded-only: these tests restart the server on its data directory, which a real MongoDB
// behind MONGODB_URI cannot be asked to do.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pacebot-embedded-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function open(
  dataDir: string,
  compactAfterBytes?: number,
): Promise<{ server: EmbeddedServer; client: MongoClient }> {
  const server = await startEmbeddedServer({
    dataDir,
    ...(compactAfterBytes ? { compactAfterBytes } : {}),
  });
  const client = await new MongoClient(server.uri, { serverSelectionTimeoutMS: 5_000 }).connect();
  const stopServer = server.close;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await client.close();
    await stopServer();
  };
  cleanups.push(close);
  return { server: { ...server, close }, client };
}

describe('restart on the same data directory', () => {
  it('keeps documents, BSON types, collections and unique indexes', async () => {
    const dir = await tempDir();
    const ref = new ObjectId();
    const at = new Date('2025-05-06T07:08:09.010Z');
    const first = await open(dir);
    const users = first.client.db('app').collection('users');
    await users.createIndex({ email: 1 }, { unique: true, name: 'email_unique' });
    await users.insertMany([
      { email: 'a@x', ref, at, png: Buffer.from([1, 2, 3]), n: 1 },
      { email: 'b@x', n: 2 },
      { email: 'c@x', n: 3 },
    ]);
    await users.updateOne({ email: 'b@x' }, { $set: { n: 20 } });
    await users.deleteOne({ email: 'c@x' });
    await first.client.db('app').createCollection('empty');
    await first.server.close();

    const second = await open(dir);
    const again = second.client.db('app').collection('users');
    const docs = await again
      .find({}, { projection: { _id: 0 } })
      .sort({ email: 1 })
      .toArray();
    expect(docs).toEqual([
      { email: 'a@x', ref, at, png: new Binary(Buffer.from([1, 2, 3])), n: 1 },
      { email: 'b@x', n: 20 },
    ]);
    const names = (await second.client.db('app').listCollections().toArray())
      .map((c) => c.name)
      .sort();
    expect(names).toEqual(['empty', 'users']);
    expect((await again.listIndexes().toArray()).map((index) => index.name)).toEqual([
      '_id_',
      'email_unique',
    ]);
    const duplicate = await again.insertOne({ email: 'a@x' }).catch((e: unknown) => e);
    expect((duplicate as MongoServerError).code).toBe(11000);
  });

  it('forgets dropped collections and databases', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await first.client.db('keep').collection('a').insertOne({ a: 1 });
    await first.client.db('keep').collection('b').insertOne({ b: 1 });
    await first.client.db('gone').collection('c').insertOne({ c: 1 });
    await first.client.db('keep').collection('b').drop();
    await first.client.db('gone').dropDatabase();
    await first.server.close();

    const second = await open(dir);
    const { databases } = await second.client.db('admin').admin().listDatabases({ nameOnly: true });
    expect(databases.map((entry) => entry.name)).toEqual(['keep']);
    expect((await second.client.db('keep').listCollections().toArray()).map((c) => c.name)).toEqual(
      ['a'],
    );
  });
});

describe('recovery', () => {
  it('refuses a second server on a directory already in use', async () => {
    const dir = await tempDir();
    await open(dir);
    await expect(startEmbeddedServer({ dataDir: dir })).rejects.toThrow(/already open|in use/);
  });

  it('loads files copied mid-run with a torn journal tail, keeping the cut bytes aside', async () => {
    const dir = await tempDir();
    const live = await open(dir);
    const things = live.client.db('app').collection('things');
    for (let i = 0; i < 20; i++) await things.insertOne({ i });
    // Every acknowledged write is already on disk, so a copy now is what a crash would leave.
    const crashed = await tempDir();
    await cp(dir, crashed, { recursive: true });
    const journal = (await readdir(crashed)).find((name) => name.startsWith('journal-'))!;
    const bytes = await readFile(join(crashed, journal));
    await appendFile(
      join(crashed, journal),
      Buffer.concat([bytes.subarray(0, 30), Buffer.from('garbage')]),
    );
    await live.server.close();

    const recovered = await open(crashed);
    const again = recovered.client.db('app').collection('things');
    expect((await again.find({}).sort({ i: 1 }).toArray()).map((doc) => doc.i)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    expect((await readdir(crashed)).some((name) => name.includes('.torn-'))).toBe(true);
    await again.insertOne({ i: 20 });
    await recovered.server.close();

    const third = await open(crashed);
    expect(await third.client.db('app').collection('things').countDocuments()).toBe(21);
  });

  it('compacts the journal into snapshots as it grows, and loads the latest', async () => {
    const dir = await tempDir();
    const first = await open(dir, 4_096);
    const things = first.client.db('app').collection('things');
    await things.createIndex({ i: 1 }, { unique: true });
    for (let i = 0; i < 200; i++) await things.insertOne({ i, pad: 'x'.repeat(50) });
    await things.updateMany({ i: { $lt: 10 } }, { $set: { low: true } });
    await first.server.close();

    // ~20 kB of journal against a 4 kB threshold: several compactions before the one at close.
    const files = await readdir(dir);
    const snapshots = files.filter((name) => /^snapshot-\d+\.bson$/.test(name));
    expect(snapshots).toHaveLength(1);
    expect(Number(/\d+/.exec(snapshots[0]!)?.[0])).toBeGreaterThan(2);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const reopened = await open(dir);
    const again = reopened.client.db('app').collection('things');
    expect(await again.countDocuments()).toBe(200);
    expect(await again.countDocuments({ low: true })).toBe(10);
    expect(
      ((await again.insertOne({ i: 5 }).catch((e: unknown) => e)) as MongoServerError).code,
    ).toBe(11000);
  });
});
