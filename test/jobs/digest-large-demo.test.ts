import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Binary, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlanDigests } from '../../jobs/plan-digests.js';
import { seedArea } from '../../bench/digest-areas.js';
import { composeDigest } from '../../src/digest/compose-digest.js';
import { DIGEST_V8_FLAGS } from '../../src/digest/digest-v8-flags.js';
import { createDigestWorkerPool, type DigestWorkerPool } from '../../src/digest/digest-worker-pool.js';
import { nextDigestSlot } from '../../src/digest/due-digest.js';
import { createLogger } from '../../src/log.js';
import { COLLECTIONS, ensureIndexes } from '../../src/store/collections.js';
import type { Digest } from '../../src/store/schemas/digest.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';
import { inject } from 'vitest';
import { demoDigest, digestFingerprint } from './digest-demo-fingerprint.js';

/**
 * The demo programme grown to 600 children (five aim groups, 60 tests of change): what its digest
 * says must not change when the digest is built faster (issue 15), and composing it in the digest
 * process must give the same digest as composing it here.
 */
const NOW = new Date('2026-11-19T10:00:00Z');
const AREA = 'W1';
const FINGERPRINT = new URL('../fixtures/digest-demo-fingerprint.json', import.meta.url);

let test: TestDb;
let pool: DigestWorkerPool;

beforeAll(async () => {
  test = await openTestDb('digest_worker');
  await ensureIndexes(test.db);
  await seedArea(test.db, AREA, 600, NOW);
  pool = createDigestWorkerPool({ mongoUri: inject('mongoUri'), dbName: test.db.databaseName });
}, 120_000);
afterAll(async () => {
  await pool?.close();
  await test?.drop();
});

async function slotNow() {
  const store = workspaceStore(test.db, AREA);
  const programme = (await store.programmes.findOne({}))!;
  const slot = nextDigestSlot(programme, NOW)!;
  const at = new Date(Math.max(slot.dueAt.getTime(), NOW.getTime()));
  return { store, programme, meeting: { at: slot.meeting.at, localDate: slot.meeting.localDate }, at };
}

describe('a large demo digest', () => {
  it('says what the implementation before issue 15 said: charts, sentences, counts, gaps, messages', async () => {
    const expected = JSON.parse(readFileSync(FINGERPRINT, 'utf8'));
    const fingerprint = digestFingerprint(await demoDigest(test.db, AREA, NOW));
    // Per group first, so a difference names the group and the part.
    expect(fingerprint.groups).toEqual(expected.groups);
    expect(fingerprint).toEqual(expected);
  });

  it("says what kind of point each aim's latest value is: a month's median, or a share with its counts", async () => {
    const digest = await demoDigest(test.db, AREA, NOW);
    const progress = digest.groups.flatMap((g) => g.aim?.progress ?? []);
    // The digest draws interval measures by month: its latest is a monthly median, not the last
    // child that `measures` names under the same name.
    expect(progress).toContainEqual(expect.stringMatching(/^Accommodation to first LAC review: latest monthly median [\d.]+ weeks? \(\w+ 2026\)$/));
    expect(progress).toContainEqual(expect.stringMatching(/^% within 30 weeks: Accommodation to permanence recommendation: latest [\d.]+% \(\d+ of \d+, \w+ 2026\)$/));
  });

  it('is composed in the digest process exactly as in this one', async () => {
    const { store, programme, meeting, at } = await slotNow();
    const here = await composeDigest(store, programme, meeting, at);
    const there = await pool.compose(store, programme, meeting, at);
    expect(there.channel).toEqual(here.channel);
    expect(there.leads).toEqual(here.leads);
    expect(there.questionNumbers).toEqual(here.questionNumbers);
    expect(there.since).toEqual(here.since);
    expect(there.images.length).toBeGreaterThan(5);
    expect(there.images.map((i) => i.alt)).toEqual(here.images.map((i) => i.alt));
    for (const [i, image] of there.images.entries()) {
      expect(Buffer.isBuffer(image.png)).toBe(true);
      expect((image.png as Buffer).equals(here.images[i]!.png as Buffer)).toBe(true);
    }
    expect(Buffer.isBuffer(there.pack.pdf)).toBe(true);
    expect((there.pack.pdf as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('composes in a process of its own whose every thread runs at a lower CPU priority (acks come first)', async () => {
    const { store, programme, meeting, at } = await slotNow();
    await pool.compose(store, programme, meeting, at);
    const pid = pool.pid();
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
    // Field 19 of a thread's stat is its nice value (after the command name in parentheses).
    const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    const niceValues = (dir: string) => readdirSync(dir).map((tid) => niceOf(readFileSync(`${dir}/${tid}/stat`, 'utf8')));
    const theirs = niceValues(`/proc/${pid}/task`);
    // Ten below this process's own (whatever this suite runs at), capped at the lowest, 19.
    const ours = niceOf(readFileSync(`/proc/${process.pid}/stat`, 'utf8'));
    // Its JavaScript thread and its collector, compiler and I/O threads alike.
    expect(theirs.length).toBeGreaterThan(4);
    expect(new Set(theirs)).toEqual(new Set([Math.min(19, ours + 10)]));
    // Started with the V8 flags that keep its optimising compiler to the hot functions.
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(DIGEST_V8_FLAGS.length).toBeGreaterThan(0);
    for (const flag of DIGEST_V8_FLAGS) expect(command).toContain(flag);
  }, 60_000);

  it('runs the digest process at the lower priority from its start, before any code of its own has run', async () => {
    const { store, programme, meeting, at } = await slotNow();
    const fresh = createDigestWorkerPool({ mongoUri: inject('mongoUri'), dbName: test.db.databaseName });
    try {
      const composing = fresh.compose(store, programme, meeting, at);
      let pid: number | undefined;
      while ((pid = fresh.pid()) === undefined) await new Promise((resolve) => setImmediate(resolve));
      // Read at once: the process has only just been started, and Node (and tsx) are still loading.
      // Its first thread was set by the pool before fork's caller went on; threads Node starts
      // from it inherit that (any started before are set by the process itself, checked below).
      const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      const ours = niceOf(readFileSync(`/proc/${process.pid}/stat`, 'utf8'));
      expect(niceOf(readFileSync(`/proc/${pid}/stat`, 'utf8'))).toBe(Math.min(19, ours + 10));
      expect((await composing).images.length).toBeGreaterThan(5);
      // And it set itself to the same value, not ten below that again.
      const later = readdirSync(`/proc/${pid}/task`).map((tid) => niceOf(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
      expect(new Set(later)).toEqual(new Set([Math.min(19, ours + 10)]));
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('starts a fresh digest process after one dies, failing only the digest it held', async () => {
    const { store, programme, meeting, at } = await slotNow();
    if (pool.pid() === undefined) await pool.compose(store, programme, meeting, at);
    const first = pool.pid()!;
    const held = pool.compose(store, programme, meeting, at);
    process.kill(first, 'SIGKILL');
    await expect(held).rejects.toThrow(/digest process stopped \(SIGKILL\)/);
    const again = await pool.compose(store, programme, meeting, at);
    expect(again.images.length).toBeGreaterThan(5);
    expect(pool.pid()).not.toBe(first);
  }, 60_000);

  it('ends a digest process that takes too long over one digest, and the next digest gets a fresh one', async () => {
    const { store, programme, meeting, at } = await slotNow();
    const hasty = createDigestWorkerPool({ mongoUri: inject('mongoUri'), dbName: test.db.databaseName, composeTimeoutMs: 1 });
    try {
      await expect(hasty.compose(store, programme, meeting, at)).rejects.toThrow(/took more than 0 s over one digest/);
      expect(hasty.pid()).toBeUndefined();
    } finally {
      await hasty.close();
    }
  }, 60_000);

  it('gives the digest process no tokens, secrets or store address from this one’s environment', async () => {
    const { store, programme, meeting, at } = await slotNow();
    const planted = { SLACK_BOT_TOKEN: 'xoxb-planted', SLACK_SIGNING_SECRET: 'planted', PACEBOT_PLANTED_VISIBLE: 'yes' };
    Object.assign(process.env, planted);
    const own = createDigestWorkerPool({ mongoUri: inject('mongoUri'), dbName: test.db.databaseName });
    try {
      await own.compose(store, programme, meeting, at);
      const environ = readFileSync(`/proc/${own.pid()}/environ`, 'utf8').split('\0').map((entry) => entry.split('=')[0]);
      expect(environ).toContain('PACEBOT_PLANTED_VISIBLE');
      expect(environ.filter((name) => /SECRET|TOKEN|PASSWORD|MONGODB_URI/i.test(name ?? ''))).toEqual([]);
    } finally {
      for (const name of Object.keys(planted)) delete process.env[name];
      await own.close();
    }
  }, 60_000);

  it('reads the cases once, and the tests of change once (not per group and chart)', async () => {
    const { programme, meeting, at } = await slotNow();
    const client = new MongoClient(inject('mongoUri'), { monitorCommands: true });
    const finds: string[] = [];
    client.on('commandStarted', (event) => {
      const { find, filter, projection } = event.command as { find?: string; filter?: unknown; projection?: unknown };
      if (event.commandName === 'find') finds.push(JSON.stringify([find, filter, projection]));
    });
    try {
      await composeDigest(workspaceStore(client.db(test.db.databaseName), AREA), programme, meeting, at);
    } finally {
      await client.close();
    }
    expect(finds.filter((f) => f.startsWith('["cases"'))).toHaveLength(1);
    // Each group's changes and overdue studies and each chart's marked tests come from one read:
    // they were about 19 queries a digest, each served by the request process on the embedded store.
    expect(finds.filter((f) => f.startsWith('["pdsa_cycles"'))).toEqual(['["pdsa_cycles",{"workspaceId":"' + AREA + '"},null]']);
  }, 60_000);

  it('is planned through the digest process: stored with its images and its deliveries recorded', async () => {
    const { at } = await slotNow();
    const deps = { db: test.db, logger: createLogger('silent'), clock: () => at, owner: 'worker-test', compose: pool.compose };
    expect(await runPlanDigests(deps)).toEqual({ [AREA]: 'planned' });
    const digest = await test.db.collection<Digest>(COLLECTIONS.digests).findOne({ workspaceId: AREA });
    expect(digest?.status).toBe('queued');
    expect(digest?.images.length).toBeGreaterThan(5);
    expect(digest!.images.every((i) => i.png instanceof Binary && i.png.length() > 1000)).toBe(true);
    const deliveries = await test.db.collection(COLLECTIONS.deliveries).countDocuments({ workspaceId: AREA });
    expect(deliveries).toBeGreaterThan(0);
    // Planning again finds it built: exactly once, whoever composes.
    expect(await runPlanDigests(deps)).toEqual({ [AREA]: 'exists' });
  }, 60_000);
});

describe('a process whose digest process composed a digest', () => {
  it('ends normally and at once, and its digest process with it', async () => {
    const script = fileURLToPath(new URL('./digest-worker-exit.ts', import.meta.url));
    const args = ['--import', 'tsx', script, inject('mongoUri'), test.db.databaseName, AREA];
    // Well under the digest process's idle time (a minute): one that kept this process alive until
    // then gets it killed, and the test fails.
    const { stdout } = await promisify(execFile)(process.execPath, args, { timeout: 40_000 });
    expect(stdout).toMatch(/^images \d+$/m);
    const pid = Number(/^pid (\d+)$/m.exec(stdout)?.[1]);
    expect(pid).toBeGreaterThan(0);
    // Its channel closed with its parent: it ends within moments (signal 0 only asks whether it is there).
    // A process that ended but was not reaped yet (a zombie, state Z) has ended too.
    const alive = () => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive()).toBe(false);
  }, 60_000);
});
