import { MongoClient } from 'mongodb';
import { createDigestWorkerPool } from '../../src/digest/digest-worker-pool.js';
import { nextDigestSlot } from '../../src/digest/due-digest.js';
import { workspaceStore } from '../../src/store/workspace-store.js';

/**
 * Run by digest-large-demo.test.ts in a process of its own: composes the digest of a workspace the
 * test seeded in the digest process, prints how many images it has and the digest process's id, and
 * ends without closing the pool, as a stopping server does. The test checks that this process ends
 * at once and normally, and that the digest process ends with it.
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
process.stdout.write(`images ${digest.images.length}\npid ${pool.pid()}\n`);
await client.close();
