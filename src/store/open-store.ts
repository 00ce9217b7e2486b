import { MongoClient, type Db } from 'mongodb';
import type { EmbeddedServer } from './embedded/embedded-server.js';
import { observeStoreCommands } from '../metrics/metrics.js';
import { ensureIndexesOnce } from './index-migration.js';

export interface OpenStore {
  client: MongoClient;
  db: Db;
  mode: 'mongodb' | 'embedded';
  /** The connection string, for the digest process's own connection; secret, never logged. */
  uri?: string;
  /** Where the data lives, for the start-up line (never includes credentials). */
  location: string;
  /** Answers whether the database can be reached right now (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  mongoUri?: string;
  dbName: string;
  /** Embedded mode: directory for persistent files; undefined keeps everything in memory. */
  dataDir?: string;
}

/** Connects to MONGODB_URI, or starts the embedded server on loopback and connects to it with the same driver. */
export async function openStore(options: OpenStoreOptions): Promise<OpenStore> {
  // Loaded only when used: with MONGODB_URI the embedded server (and mingo) are never imported,
  // which keeps them out of a production start-up (bench/RESULTS.md, start-up to /healthz).
  const embedded: EmbeddedServer | undefined = options.mongoUri
    ? undefined
    : await (await import('./embedded/embedded-server.js')).startEmbeddedServer({ dataDir: options.dataDir });
  const uri: string = options.mongoUri ?? embedded!.uri;
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, appName: 'pacebot', monitorCommands: true });
  observeStoreCommands(client);
  try {
    await client.connect();
  } catch (error) {
    await embedded?.close();
    throw error;
  }
  const db = client.db(options.dbName);
  await ensureIndexesOnce(db);
  return {
    client,
    db,
    uri,
    mode: embedded ? 'embedded' : 'mongodb',
    location: embedded ? `embedded (${options.dataDir ?? 'in memory'}, ${embedded.uri})` : redactUri(uri),
    async ping() {
      try {
        await db.command({ ping: 1 }, { timeoutMS: 2_000 });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await client.close();
      await embedded?.close();
    },
  };
}

/** The URI without its user name and password, for logs and start-up lines. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
