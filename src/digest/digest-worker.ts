import { parentPort, workerData } from 'node:worker_threads';
import { MongoClient } from 'mongodb';
import type { Programme } from '../store/schemas/programme.js';
import { workspaceStore } from '../store/workspace-store.js';
import type { DigestMeeting } from './build-digest.js';
import { composeDigest } from './compose-digest.js';
import { lowerThisThreadsPriority } from './lower-thread-priority.js';

/** What the pool sends: one digest to compose. */
export interface ComposeRequest {
  id: number;
  workspaceId: string;
  programme: Programme;
  meeting: DigestMeeting;
  now: Date;
}

export type ComposeResponse =
  | { id: number; ok: true; digest: Awaited<ReturnType<typeof composeDigest>> }
  | { id: number; ok: false; error: { name: string; message: string } };

export interface DigestWorkerData {
  mongoUri: string;
  dbName: string;
}

/**
 * A digest worker thread (see digest-worker-pool.ts). It reads through a driver connection of its
 * own, so decoding the cases, measuring, drawing charts and building the pack all happen here and
 * the request thread's event loop only relays bytes; it writes nothing, so the exactly-once
 * machinery (the build lease, the conditional write, the delivery records) stays in the planning
 * run that called it.
 */
const { mongoUri, dbName } = workerData as DigestWorkerData;
// Acks first: a planning run yields the CPU to the request thread whenever both want it.
lowerThisThreadsPriority();
const client = new MongoClient(mongoUri, { maxPoolSize: 2, appName: 'pacebot-digest-worker' });
const db = client.db(dbName);

parentPort!.on('message', (request: ComposeRequest) => {
  void (async () => {
    let response: ComposeResponse;
    try {
      const store = workspaceStore(db, request.workspaceId);
      const digest = await composeDigest(store, request.programme, request.meeting, request.now);
      response = { id: request.id, ok: true, digest };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      response = { id: request.id, ok: false, error: { name, message } };
    }
    parentPort!.postMessage(response);
  })();
});
