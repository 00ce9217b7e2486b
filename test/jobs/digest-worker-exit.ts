import { MongoClient } from 'mongodb';
import { createDigestWorkerPool } from '../../src/digest/digest-worker-pool.js';
import { nextDigestSlot } from '../../src/digest/due-digest.js';
import { workspaceStore } from '../../src/store/workspace-store.js';

/**
 * Run by digest-large-demo.test.ts in a process of its own: composes the digest of a workspace the
 * test seeded in the worker thread, prints how many images it has, and ends without closing the
 * pool, as a stopping server does. Its exit code is the test: a worker that drew text once made node crash at exit.
 */
const [uri, dbName, workspaceId] = process.argv.slice(2) as [string, string, string];
const now = new Date('2026-11-19T10:00:00Z');
const client = new MongoClient(uri);
await client.connect();
const db = client.db(dbName);
const store = workspaceStore(db, workspaceId);
const programme = (await store.programmes.findOne({}))!;
const slot = nextDigestSlot(programme, now)!;
const pool = createDigestWorkerPool({ mongoUri: uri, dbName });
const digest = await pool.compose(store, programme, { at: slot.meeting.at, localDate: slot.meeting.localDate }, now);
process.stdout.write(`images ${digest.images.length}\n`);
await client.close();
