import { writeFileSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import { seedArea } from '../../bench/digest-areas.js';
import { ensureIndexes } from '../../src/store/collections.js';
import { startEmbeddedServer } from '../../src/store/embedded/embedded-server.js';
import { demoDigest, digestFingerprint } from './digest-demo-fingerprint.js';

/**
 * Writes test/fixtures/digest-demo-fingerprint.json: what the large demo's digest says, for
 * digest-large-demo.test.ts. Run it (`npx tsx test/jobs/capture-digest-fingerprint.ts`) only from a
 * tree whose digests are right, e.g. after a deliberate change to what digests say, never to make a
 * speed-up's test pass.
 */
const NOW = new Date('2026-11-19T10:00:00Z');
const server = await startEmbeddedServer();
const client = new MongoClient(server.uri);
try {
  await client.connect();
  const db = client.db('fingerprint');
  await ensureIndexes(db);
  await seedArea(db, 'W1', 600, NOW);
  const fingerprint = digestFingerprint(await demoDigest(db, 'W1', NOW));
  const file = new URL('../fixtures/digest-demo-fingerprint.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify(fingerprint, null, 2)}\n`);
} finally {
  await client.close();
  await server.close();
}
