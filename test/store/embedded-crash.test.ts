import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer } from '../../src/store/embedded/embedded-server.js';
import { type EmbeddedChild, spawnEmbedded } from './embedded-child.js';

// Embedded-only: kills the server process with SIGKILL in the middle of a write burst and checks
// that every write it acknowledged is there after a restart. A tiny compaction threshold makes
// snapshots and journal rotations happen during the burst too.

const ROUNDS = 3;
const WORKERS = 8;
const COMPACT_BYTES = '16384';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pacebot-crash-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

interface Acknowledged {
  ids: ObjectId[];
  increments: number;
}

/** Writes from several workers until `stop` says so; records only what the server acknowledged. */
async function burst(
  client: MongoClient,
  round: number,
  stop: () => boolean,
  acked: Acknowledged,
): Promise<void> {
  const db = client.db('crash');
  const worker = async (w: number): Promise<void> => {
    for (let seq = 0; !stop(); seq++) {
      const _id = new ObjectId();
      try {
        if (seq % 5 === 4) {
          await db
            .collection('counters')
            .updateOne({ _id: 'hits' as never }, { $inc: { n: 1 } }, { upsert: true });
          acked.increments++;
        } else {
          await db.collection('events').insertOne({ _id, round, w, seq, pad: 'p'.repeat(200) });
          acked.ids.push(_id);
        }
      } catch {
        return; // the server is gone: this write was never acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
}

async function verify(child: EmbeddedChild, acked: Acknowledged): Promise<void> {
  const client = await new MongoClient(child.uri, { serverSelectionTimeoutMS: 5_000 }).connect();
  try {
    const db = client.db('crash');
    const found = await db.collection('events').countDocuments({ _id: { $in: acked.ids } });
    expect(found).toBe(acked.ids.length);
    const counter = await db.collection('counters').findOne({ _id: 'hits' as never });
    expect((counter?.n as number | undefined) ?? 0).toBeGreaterThanOrEqual(acked.increments);
  } finally {
    await client.close();
  }
}

describe('kill -9 during a write burst', () => {
  it('loses no acknowledged write, across several crashes and compactions', {
    timeout: 180_000,
  }, async () => {
    const acked: Acknowledged = { ids: [], increments: 0 };
    let generationsSeen = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const child = await spawnEmbedded(dataDir, ['--compact-bytes', COMPACT_BYTES]);
      if (round > 0) await verify(child, acked);
      else await expect(startEmbeddedServer({ dataDir })).rejects.toThrow(/in use by process/);
      const client = new MongoClient(child.uri, {
        serverSelectionTimeoutMS: 1_000,
        maxPoolSize: WORKERS,
      });
      await client.connect();
      let killed = false;
      const before = acked.ids.length;
      const writing = burst(client, round, () => killed, acked);
      // Kill once a good number of writes (and so a few compactions) went through.
      while (acked.ids.length - before < 400)
        await new Promise((resolve) => setTimeout(resolve, 10));
      child.process.kill('SIGKILL');
      await child.exited;
      killed = true;
      await writing;
      await client.close().catch(() => undefined);
      const snapshots = (await readdir(dataDir)).filter((name) => name.startsWith('snapshot-'));
      generationsSeen = Math.max(
        generationsSeen,
        ...snapshots.map((name) => Number(/\d+/.exec(name)?.[0])),
      );
    }
    expect(generationsSeen).toBeGreaterThan(1);

    const last = await spawnEmbedded(dataDir);
    try {
      await verify(last, acked);
    } finally {
      last.process.kill('SIGTERM');
      await last.exited;
    }
    expect(acked.ids.length).toBeGreaterThanOrEqual(ROUNDS * 400);
  });
});
