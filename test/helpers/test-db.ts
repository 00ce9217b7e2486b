import { randomUUID } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server every test file shares, started by test/global-setup.ts. */
    mongoUri: string;
  }
}

export interface TestDb {
  client: MongoClient;
  db: Db;
  /** Drops the database and closes the client; call it in afterAll. */
  drop(): Promise<void>;
}

/**
 * A client connected to a fresh database of its own on the shared test server, so test files can
 * run in parallel. `name` is a readable prefix; a random suffix keeps names unique.
 */
export async function openTestDb(name = 'test'): Promise<TestDb> {
  const dbName = `${name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40)}_${randomUUID().slice(0, 8)}`;
  const client = new MongoClient(withDatabase(inject('mongoUri'), dbName), {
    serverSelectionTimeoutMS: 5_000,
  });
  await client.connect();
  const db = client.db(dbName);
  return {
    client,
    db,
    async drop() {
      try {
        await db.dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}

/**
 * Puts the database into the URI's path with `new URL()`, keeping `?replicaSet=` and the other
 * options intact. The path also names the database credentials are checked against, so when the
 * URI carries credentials without an authSource, the original one is pinned first.
 */
function withDatabase(uri: string, dbName: string): string {
  const url = new URL(uri);
  if (url.username && !url.searchParams.has('authSource')) {
    url.searchParams.set('authSource', url.pathname.replace(/^\//, '') || 'admin');
  }
  url.pathname = `/${dbName}`;
  return url.toString();
}
