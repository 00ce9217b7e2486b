import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, MongoClient } from 'mongodb';
import { startEmbeddedServer } from '../src/store/embedded/embedded-server.js';
import { runIfMain } from './cli.js';
import { type BenchCase, measure } from './harness.js';
import {
  type BenchOptions,
  type BenchReport,
  markdownTable,
  STATS_HEADERS,
  statsCells,
  times,
} from './report.js';

const SEEDED = 1000;
const WORKSPACES = 4;
/** Documents of one workspace in a second collection: does a lookup by unique key stay flat? */
const LARGE = 10_000;

const CONCURRENT = 10;

interface Mode {
  label: string;
  db: Db;
  /** The same database through a client with a pool of CONCURRENT connections. */
  pooled: Db;
  close(): Promise<void>;
}

/**
 * The embedded MongoDB-compatible server through the official driver, in memory and persistent
 * (journal fsync before each acknowledged write). Baseline: `ping` on the same single connection,
 * the floor of one round trip through the driver, the wire protocol and the command dispatcher.
 */
export async function benchStoreOps(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 150;
  const warmUp = options.warmUp ?? 10;
  const dataDir = await mkdtemp(join(tmpdir(), 'pacebot-bench-'));
  const modes = [await openMode('memory'), await openMode('persistent', dataDir)];
  try {
    const cases = modes.flatMap((mode) => operations(mode));
    const stats = await measure(cases, { rounds, warmUp });
    const perMode = cases.length / modes.length;
    const rows = stats.map((s, i) => {
      const baseline = stats[i - (i % perMode)];
      const inMemory = stats[i % perMode];
      return [s.name, ...statsCells(s, baseline), times(s.medianMs, inMemory.medianMs)];
    });
    return {
      title: 'Embedded store operations',
      intro:
        `One operation per call through the \`mongodb\` driver (one pooled connection) to ` +
        `\`startEmbeddedServer()\` in this process, ${rounds} rounds after ${warmUp} warm-up. ` +
        `The queried collection holds ${SEEDED.toLocaleString('en-GB')} documents over ` +
        `${WORKSPACES} workspaces with a unique \`{ workspaceId, key }\` index, as the ` +
        'repositories use; one row looks up a key among ' +
        `${LARGE.toLocaleString('en-GB')} documents of a single workspace instead. ` +
        `Persistent mode journals to a fresh directory under \`${tmpdir()}\` and fsyncs ` +
        'before acknowledging each write. ' +
        'Baseline, per mode: `ping` on the same connection. The last column compares each row ' +
        'with the same operation in memory: the durability cost. The last row of each mode sends ' +
        `${CONCURRENT} inserts at once over ${CONCURRENT} connections, where the journal's group ` +
        'commit can share one fsync among them.',
      table: markdownTable(['operation', ...STATS_HEADERS, '× in memory'], rows),
    };
  } finally {
    for (const mode of modes) await mode.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function openMode(label: string, dataDir?: string): Promise<Mode> {
  const server = await startEmbeddedServer({ dataDir });
  const client = new MongoClient(server.uri, { maxPoolSize: 1 });
  const pool = new MongoClient(server.uri, { maxPoolSize: CONCURRENT });
  await Promise.all([client.connect(), pool.connect()]);
  const db = client.db('bench');
  const items = db.collection('items');
  await items.createIndex({ workspaceId: 1, key: 1 }, { unique: true });
  const large = db.collection('large');
  for (const collection of [items, large, db.collection('inserted')]) {
    await collection.createIndex({ workspaceId: 1, key: 1 }, { unique: true });
  }
  await items.insertMany(
    Array.from({ length: SEEDED }, (_, i) => ({
      workspaceId: `W${i % WORKSPACES}`,
      key: `k${i}`,
      status: i % 3 === 0 ? 'open' : 'closed',
      count: 0,
    })),
  );
  await large.insertMany(
    Array.from({ length: LARGE }, (_, i) => ({ workspaceId: 'W0', key: `k${i}`, count: 0 })),
  );
  return {
    label,
    db,
    pooled: pool.db('bench'),
    close: async () => {
      await Promise.all([client.close(), pool.close()]);
      await server.close();
    },
  };
}

function operations({ label, db, pooled }: Mode): BenchCase[] {
  const items = db.collection('items');
  const large = db.collection('large');
  const inserted = db.collection('inserted');
  let n = 0;
  // Cycles through the seeded documents, each with its own workspace, so every lookup hits one.
  const nextItem = () => {
    const i = n++ % SEEDED;
    return { workspaceId: `W${i % WORKSPACES}`, key: `k${i}` };
  };
  let fresh = 0;
  const newDoc = () => ({ workspaceId: 'W0', key: `new${fresh++}`, count: 0 });
  return [
    { name: `${label}: ping (baseline)`, run: () => db.command({ ping: 1 }) },
    { name: `${label}: insertOne`, run: () => inserted.insertOne(newDoc()) },
    { name: `${label}: findOne by unique key`, run: () => items.findOne(nextItem()) },
    {
      name: `${label}: findOne by unique key, ${LARGE.toLocaleString('en-GB')} in the workspace`,
      run: () => large.findOne({ workspaceId: 'W0', key: `k${n++ % LARGE}` }),
    },
    {
      name: `${label}: updateOne by unique key ($inc)`,
      run: () => items.updateOne(nextItem(), { $inc: { count: 1 } }),
    },
    {
      name: `${label}: countDocuments (aggregate)`,
      run: () => items.countDocuments({ workspaceId: 'W2', status: 'open' }),
    },
    {
      name: `${label}: ${CONCURRENT} concurrent insertOne, whole batch`,
      run: () => {
        const collection = pooled.collection('inserted');
        const writes = Array.from({ length: CONCURRENT }, () => collection.insertOne(newDoc()));
        return Promise.all(writes);
      },
    },
  ];
}

await runIfMain(import.meta.url, benchStoreOps);
