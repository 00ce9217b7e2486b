import type { Db } from 'mongodb';
import type { Programme } from '../store/schemas/programme.js';
import type { DigestMeeting } from './build-digest.js';
import type { composeDigest } from './compose-digest.js';
import { lowerThisProcessesPriority } from './lower-process-priority.js';

/** Where to read from: the pool's first message, so a password in the URI never shows in `ps`. */
export interface ConnectMessage {
  kind: 'connect';
  mongoUri: string;
  dbName: string;
}

/** What the pool sends next: one digest to compose. */
export interface ComposeRequest {
  kind: 'compose';
  id: number;
  workspaceId: string;
  programme: Programme;
  meeting: DigestMeeting;
  now: Date;
}

export type ComposeResponse =
  | { id: number; ok: true; digest: Awaited<ReturnType<typeof composeDigest>> }
  | { id: number; ok: false; error: { name: string; message: string } };

/**
 * The digest process (see digest-worker-pool.ts). It reads through a driver connection of its own,
 * so decoding the cases, measuring, drawing charts and building the pack all happen here, in a
 * process whose every thread runs at a lower priority than the one that acks; it writes nothing,
 * so the exactly-once machinery (the build lease, the conditional write, the delivery records)
 * stays in the planning run that called it. It ends when the process that started it does.
 */
// The nice value the pool chose and already set on this process's first thread (argument 1).
const nice = Number(process.argv[2]);
lowerThisProcessesPriority(Number.isInteger(nice) ? nice : undefined);
process.on('disconnect', () => process.exit(0));

// Loaded only now, at the lower priority: loading and compiling the digest's modules (charts, the
// pack, the driver) is a second of CPU, and it used to compete with the first acks of every run.
const loaded = Promise.all([
  import('mongodb'),
  import('../store/workspace-store.js'),
  import('./compose-digest.js'),
]).then(([{ MongoClient }, { workspaceStore }, { composeDigest }]) => ({ MongoClient, workspaceStore, composeDigest }));

let connection: Promise<Db> | undefined;

process.on('message', (message: ConnectMessage | ComposeRequest) => {
  if (message.kind === 'connect') {
    connection = loaded.then(({ MongoClient }) =>
      new MongoClient(message.mongoUri, { maxPoolSize: 2, appName: 'pacebot-digest-process' }).db(message.dbName),
    );
    return;
  }
  void compose(message).then((response) => process.send?.(response));
});

async function compose(request: ComposeRequest): Promise<ComposeResponse> {
  try {
    if (!connection) throw new Error('the digest process was asked for a digest before it was told where to read');
    const db = await connection;
    const { workspaceStore, composeDigest } = await loaded;
    const store = workspaceStore(db, request.workspaceId);
    const digest = await composeDigest(store, request.programme, request.meeting, request.now);
    return { id: request.id, ok: true, digest };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { id: request.id, ok: false, error: { name, message } };
  }
}
