import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createServer } from '../../src/server.js';
import { startEmbeddedServer } from '../../src/store/embedded/embedded-server.js';
import { openStore } from '../../src/store/open-store.js';

/** Starts `npm start`'s entry point as its own process and waits for the line with the address. */
function startBot(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; storeUri: string; output: () => string }> {
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line: ${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const storeUri = /(mongodb:\/\/[^)\s,]+)/.exec(out)?.[1];
      if (url && storeUri && out.includes('local chat')) {
        clearTimeout(timer);
        resolve({ child, url, storeUri, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints where it listens and that it uses the embedded store; /healthz is ok; data survives a restart', { timeout: 240_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pacebot-start-'));
    dirs.push(dataDir);
    const first = await startBot({ DATA_DIR: dataDir });
    expect(first.output()).toMatch(/^pacebot \S+ listening on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(first.output()).toMatch(/^store: embedded \(/m);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'embedded', version: expect.any(String) });
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);

    const client = await MongoClient.connect(first.storeUri);
    await client.db('pacebot').collection('notes').insertOne({ written: 'before restart' });
    await client.close();

    const exited = exitCode(first.child);
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const second = await startBot({ DATA_DIR: dataDir });
    const again = await MongoClient.connect(second.storeUri);
    expect(await again.db('pacebot').collection('notes').findOne({}, { projection: { _id: 0 } })).toEqual({ written: 'before restart' });
    await again.close();
    const stopped = exitCode(second.child);
    second.child.kill('SIGINT');
    expect(await stopped).toBe(0);
  });
});

describe('GET /healthz and /readyz', () => {
  it('/readyz answers 503 when the store cannot be reached; /healthz (liveness) stays 200', async () => {
    const mongo = await startEmbeddedServer();
    const store = await openStore({ mongoUri: mongo.uri, dbName: 'health' });
    const app = await createApp(testConfig(), {}, { store });
    const { url } = await app.start();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', store: 'mongodb' });
    await mongo.close();
    const down = await fetch(`${url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'store_unreachable' });
    const alive = await fetch(`${url}/healthz`);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toMatchObject({ status: 'ok', store: 'mongodb' });
    await app.stop();
    await store.close();
  });

  it('/readyz answers 503 "starting" until start-up has finished', async () => {
    const store = await openStore({ dbName: 'starting' });
    const http = createServer(testConfig(), { logger: createLogger('silent'), store });
    const { url } = await http.start();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const early = await fetch(`${url}/readyz`);
    expect(early.status).toBe(503);
    expect(await early.json()).toMatchObject({ status: 'starting' });
    http.setStarted(true);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    await http.close();
    await store.close();
  });

  it('lets an in-flight request finish when the server stops', async () => {
    const store = await openStore({ dbName: 'graceful' });
    const app = await createApp(testConfig(), {
      routes: () => [
        (server) =>
          server.get('/slow', async (_req, res) => {
            await new Promise((r) => setTimeout(r, 300));
            res.send(200, { done: true });
          }),
      ],
    }, { store });
    const { url } = await app.start();
    const pending = fetch(`${url}/slow`);
    await new Promise((r) => setTimeout(r, 50));
    const stopping = app.stop();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await stopping;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    await store.close();
  });
});

describe('privacy and terms pages', () => {
  it('serves the pages the Teams manifest links to', async () => {
    const store = await openStore({ dbName: 'legal' });
    const app = await createApp(testConfig(), {}, { store });
    const { url } = await app.start();
    const privacy = await fetch(`${url}/privacy`);
    expect(privacy.status).toBe(200);
    expect(privacy.headers.get('content-type')).toMatch(/text\/html/);
    expect(await privacy.text()).toMatch(/pseudonymous case references only/);
    expect((await fetch(`${url}/terms`)).status).toBe(200);
    await app.stop();
    await store.close();
  });
});
