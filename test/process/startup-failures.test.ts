import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/spawn-start.js';

// Start-up problems an operator can fix from the configuration: each gives exactly one line on
// stderr naming the problem and the fix, exit status 1, and no stack trace.

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pacebot-fail-'));
  dirs.push(dir);
  return dir;
}

function start(env: Record<string, string>): { status: number | null; stderr: string; ms: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'development', LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'true', ...env },
    encoding: 'utf8',
    timeout: 40_000,
  });
  return { status: result.status, stderr: result.stderr, ms: performance.now() - started };
}

function expectOneClearLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^pacebot cannot start: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

async function listening(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function closedPort(): Promise<number> {
  const server = await listening();
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('start-up failures', () => {
  it('a taken port: names the port and says to free it or pick another; releases the data directory', async () => {
    const holder = await listening();
    const { port } = holder.address() as { port: number };
    const dataDir = tempDir();
    try {
      const result = start({ PORT: String(port), DATA_DIR: dataDir });
      expect(result.status).toBe(1);
      expectOneClearLine(result.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use .*set PORT to a free port`));
      expect(existsSync(join(dataDir, 'LOCK'))).toBe(false);
    } finally {
      holder.close();
    }
  });

  it('an unreachable MONGODB_URI: fails within seconds, names the server without its password', async () => {
    const port = await closedPort();
    const result = start({ PORT: '0', MONGODB_URI: `mongodb://pacebot:s3cret@127.0.0.1:${port}/` });
    expect(result.status).toBe(1);
    expectOneClearLine(result.stderr, new RegExp(`cannot reach MongoDB at mongodb://\\*\\*\\*@127\\.0\\.0\\.1:${port}/ .*check MONGODB_URI`));
    expect(result.stderr).not.toContain('s3cret');
    expect(result.ms).toBeLessThan(20_000);
  });

  it('an unwritable DATA_DIR: names the directory and says to make it writable', () => {
    // root writes through file modes, so as root use a place nobody may create files in.
    let dataDir: string;
    if (process.getuid?.() === 0) {
      dataDir = `/sys/pacebot-test-${process.pid}`;
    } else {
      dataDir = tempDir();
      chmodSync(dataDir, 0o500);
    }
    const result = start({ PORT: '0', DATA_DIR: dataDir });
    expect(result.status).toBe(1);
    expectOneClearLine(result.stderr, new RegExp(`DATA_DIR=${dataDir} cannot be written \\(E(ACCES|PERM|ROFS)\\b.*make it writable`));
  });

  it('a DATA_DIR that is a file: says it is not a directory', () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    const result = start({ PORT: '0', DATA_DIR: file });
    expect(result.status).toBe(1);
    expectOneClearLine(result.stderr, /DATA_DIR=.*not-a-dir is not a directory/);
  });
});
