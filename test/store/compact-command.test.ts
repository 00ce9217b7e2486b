import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type MongoServerError } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer } from '../../src/store/embedded/embedded-server.js';
import { openTestDb } from '../helpers/test-db.js';

// `compact` answers as MongoDB does on the shared test server (embedded, or a real MongoDB behind
// MONGODB_URI); on the embedded store's data directory it also leaves no deleted document in any file.

describe('the compact command', () => {
  const opened = openTestDb('compact');
  afterAll(async () => (await opened).drop());

  it('compacts an existing collection and refuses a missing one with NamespaceNotFound', async () => {
    const { db } = await opened;
    await db.collection('notes').insertOne({ text: 'kept' });
    expect(await db.command({ compact: 'notes' })).toMatchObject({ ok: 1 });
    const missing = await db.command({ compact: 'no_such_collection' }).catch((e: MongoServerError) => e);
    expect((missing as MongoServerError).code).toBe(26);
  });

  it('embedded: afterwards no file under the data directory holds a deleted document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pacebot-compact-'));
    const server = await startEmbeddedServer({ dataDir: dir });
    const client = await new MongoClient(server.uri, { serverSelectionTimeoutMS: 5_000 }).connect();
    try {
      const notes = client.db('app').collection('notes');
      await notes.insertMany([{ text: 'C9001 gone after compaction' }, { text: 'C9002 stays' }]);
      await notes.deleteOne({ text: /C9001/ });
      const files = async () => {
        const names = await readdir(dir);
        return (await Promise.all(names.map((n) => readFile(join(dir, n)).catch(() => Buffer.alloc(0))))).map((b) => b.toString('latin1')).join('');
      };
      expect(await files()).toContain('C9001');
      await client.db('app').command({ compact: 'notes' });
      const after = await files();
      expect(after).not.toContain('C9001');
      expect(after).toContain('C9002 stays');
    } finally {
      await client.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
