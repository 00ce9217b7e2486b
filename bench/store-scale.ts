import { MongoClient } from 'mongodb';
import { startEmbeddedServer } from '../src/store/embedded/embedded-server.js';
import { runIfMain } from './cli.js';
import { measure } from './harness.js';
import { type BenchOptions, type BenchReport, markdownTable, STATS_HEADERS, statsCells } from './report.js';

const DOCUMENTS = 100_000;
const WORKSPACES = 5;
/** One status value in five: a plain (non-unique) index whose one key matches 20,000 documents. */
const STATUSES = ['open', 'closed', 'paused', 'archived', 'draft'];

/**
 * Issue 15: a `limit(1)` query on a plain index must cost O(limit), not O(matching documents).
 * 100,000 documents in one collection of the embedded server (in memory) through the official
 * driver; a plain index on `status` (each value matches 20 %) and a unique `{ workspaceId, key }`
 * index. Baseline: `ping` on the same connection; the findOne by unique key is the other floor the
 * indexed rows are compared with.
 */
export async function benchStoreScale(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 60;
  const warmUp = options.warmUp ?? 5;
  const server = await startEmbeddedServer();
  const client = new MongoClient(server.uri, { maxPoolSize: 1 });
  try {
    await client.connect();
    const items = client.db('bench').collection('items');
    await items.createIndex({ workspaceId: 1, key: 1 }, { unique: true });
    await items.createIndex({ status: 1 });
    for (let start = 0; start < DOCUMENTS; start += 10_000) {
      await items.insertMany(
        Array.from({ length: 10_000 }, (_, j) => {
          const i = start + j;
          return {
            workspaceId: `W${i % WORKSPACES}`,
            key: `k${i}`,
            status: STATUSES[Math.floor(i / WORKSPACES) % STATUSES.length],
            // One document in a thousand is flagged: a rare match inside a whole workspace.
            flagged: i % 1000 === 7,
            count: i,
          };
        }),
      );
    }
    let n = 0;
    const nextKey = () => {
      const i = n++ % DOCUMENTS;
      return { workspaceId: `W${i % WORKSPACES}`, key: `k${i}` };
    };
    const stats = await measure(
      [
        { name: 'ping (baseline)', run: () => client.db('bench').command({ ping: 1 }) },
        { name: 'findOne by unique key', run: () => items.findOne(nextKey()) },
        {
          name: 'findOne on the plain index (`limit(1)`, 20 % match)',
          run: () => items.findOne({ status: 'paused' }),
        },
        {
          name: '`find().limit(10)` on the plain index, 20 % match',
          run: () => items.find({ status: 'paused' }).limit(10).toArray(),
        },
        {
          name: '`find().skip(100).limit(10)` on the plain index, 20 % match',
          run: () => items.find({ status: 'paused' }).skip(100).limit(10).toArray(),
        },
        {
          name: 'one workspace (20 %), an unindexed field: 20 of 20,000 returned',
          run: () => items.find({ workspaceId: 'W2', flagged: true }).toArray(),
        },
        {
          name: '`find().sort({ count: -1 }).limit(1)` on the plain index (sorts all 20,000)',
          run: () => items.find({ status: 'paused' }).sort({ count: -1 }).limit(1).toArray(),
        },
      ],
      { rounds, warmUp },
    );
    return {
      title: 'Embedded store at scale: limit(1) on a plain index',
      intro:
        `${DOCUMENTS.toLocaleString('en-GB')} documents in one collection of \`startEmbeddedServer()\` ` +
        '(in memory) in this process, through the `mongodb` driver on one connection, ' +
        `${rounds} rounds after ${warmUp} warm-up. A plain index on \`status\` (each of five values ` +
        `matches 20 %, ${(DOCUMENTS / 5).toLocaleString('en-GB')} documents) and the repositories' ` +
        `unique \`{ workspaceId, key }\` index (${WORKSPACES} workspaces of 20 %). Baseline: \`ping\` ` +
        'on the same connection. The ratio of the plain-index `limit(1)` row to the unique-key ' +
        'row is the point of issue 15: O(limit) means close to 1. The sorted row must look at every ' +
        "match (the index holds no order), and the workspace row tests each of the workspace's documents " +
        'but copies only what it returns.',
      table: markdownTable(['query', ...STATS_HEADERS], stats.map((s) => [s.name, ...statsCells(s, stats[0])])),
    };
  } finally {
    await client.close();
    await server.close();
  }
}

await runIfMain(import.meta.url, benchStoreScale);
