import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonAction, startMain, webTurn } from '../helpers/start-main.js';

// The real `npm start` entry on the embedded store in a data directory, killed with SIGKILL in the
// middle of a burst of milestone confirmations, several times. After each restart (and its repair)
// every confirmation the server acknowledged is stored, every stored date has its audit entry, and
// no question is closed without its change.

const ROUNDS = 3;
const WORKERS = 6;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pacebot-killed-confirm-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

/** Records and confirms dates until the server dies; returns the cases whose Confirm was answered. */
async function burst(url: string, round: number): Promise<string[]> {
  const acknowledged: string[] = [];
  let alive = true;
  const worker = async (w: number) => {
    for (let seq = 0; alive; seq++) {
      const caseRef = `C${round}${w}${String(seq).padStart(3, '0')}`;
      try {
        const card = await webTurn(url, { text: `${caseRef} accommodated 3 Oct` });
        const done = await webTurn(url, { action: buttonAction(card, 'Confirm') });
        if (done.includes(caseRef)) acknowledged.push(caseRef);
      } catch (error) {
        if (error instanceof TypeError || /fetch failed|ECONNRESET|socket/i.test(String(error))) {
          alive = false; // the server is gone: this Confirm was never answered
          return;
        }
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return acknowledged;
}

interface Counts {
  lost: number;
  unaudited: number;
  hollow: number;
  unfinished: number;
  stored: number;
}

async function count(mongoUri: string, acknowledged: string[]): Promise<Counts> {
  const client = await new MongoClient(mongoUri, { serverSelectionTimeoutMS: 5_000 }).connect();
  try {
    const db = client.db('pacebot');
    const cases = await db.collection('cases').find({ workspaceId: 'web-local' }).toArray();
    const dated = new Set(cases.filter((c) => c.milestones?.accommodated?.actual).map((c) => c.caseRef as string));
    const audited = new Set(
      (await db.collection('audit').find({ workspaceId: 'web-local', entity: 'case', action: 'record' }).toArray()).map((a) => a.entityId as string),
    );
    const questions = await db.collection('pending_actions').find({ workspaceId: 'web-local', kind: 'milestone.records' }).toArray();
    const refsOf = (q: { payload: { records: { caseRef: string }[] } }) => q.payload.records.map((r) => r.caseRef);
    return {
      lost: acknowledged.filter((ref) => !dated.has(ref)).length,
      unaudited: [...dated].filter((ref) => !audited.has(ref)).length,
      hollow: questions.filter((q) => q.status === 'done' && refsOf(q as never).some((ref) => !dated.has(ref))).length,
      unfinished: questions.filter((q) => q.status === 'applying').length,
      stored: dated.size,
    };
  } finally {
    await client.close();
  }
}

describe('kill -9 in the middle of milestone confirmations', () => {
  it('loses no acknowledged date, leaves none unaudited and closes no question without its change', { timeout: 240_000 }, async () => {
    const acknowledged: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const server = await startMain(dataDir);
      children.push(server.child);
      if (round === 1) await webTurn(server.url, { text: 'setup programme "Crash PACE"' });
      if (round > 1) {
        // The restart finishes what the kill left half-way once the confirmations' lease runs out.
        await expect.poll(async () => (await count(server.mongoUri, acknowledged)).unfinished, { timeout: 30_000, interval: 500 }).toBe(0);
        const counts = await count(server.mongoUri, acknowledged);
        expect({ ...counts, stored: undefined }).toEqual({ lost: 0, unaudited: 0, hollow: 0, unfinished: 0, stored: undefined });
        expect(counts.stored).toBeGreaterThanOrEqual(acknowledged.length);
      }
      const running = burst(server.url, round);
      await new Promise((resolve) => setTimeout(resolve, 1500 + round * 300));
      server.child.kill('SIGKILL');
      await once(server.child, 'exit');
      acknowledged.push(...(await running));
      expect(acknowledged.length).toBeGreaterThan(0);
    }
    const last = await startMain(dataDir);
    children.push(last.child);
    await expect.poll(async () => (await count(last.mongoUri, acknowledged)).unfinished, { timeout: 30_000, interval: 500 }).toBe(0);
    expect(await count(last.mongoUri, acknowledged)).toMatchObject({ lost: 0, unaudited: 0, hollow: 0 });
    last.child.kill('SIGTERM');
    await once(last.child, 'exit');
  });
});
