import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accepts, exited, processesWithEnv, ROOT, startEnv, startNpm, type Started } from '../helpers/spawn-start.js';

// What `docker stop`, systemd and process managers do: SIGTERM to the one PID they started. The
// whole tree must go, not just npm and its shell (issue 14: node used to be left as an orphan
// holding the port and the data directory's lock).

const dirs: string[] = [];
const started: Started[] = [];
afterAll(() => {
  for (const { child } of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function stopsCleanly(command: string[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pacebot-stop-'));
  dirs.push(dataDir);
  const first = await startNpm(command, startEnv(dataDir));
  started.push(first);
  expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  expect(processesWithEnv('DATA_DIR', dataDir).length).toBeGreaterThan(0);
  expect(existsSync(join(dataDir, 'LOCK'))).toBe(true);

  first.child.kill('SIGTERM');
  expect(await exited(first.child)).toBe(0);
  expect(await accepts(first.port)).toBe(false);
  expect(processesWithEnv('DATA_DIR', dataDir)).toEqual([]);
  expect(existsSync(join(dataDir, 'LOCK'))).toBe(false);

  // The lock really is free: a second start on the same directory comes up, and stops as well.
  const second = await startNpm(command, startEnv(dataDir));
  started.push(second);
  second.child.kill('SIGTERM');
  expect(await exited(second.child)).toBe(0);
  expect(processesWithEnv('DATA_DIR', dataDir)).toEqual([]);
}

describe('SIGTERM to the PID that was started', () => {
  it('npm start: exits 0 and leaves no process, port or lock behind', { timeout: 180_000 }, async () => {
    await stopsCleanly(['start']);
  });
});

describe('the compiled start (npm run build, then npm run start:prod)', () => {
  beforeAll(() => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(existsSync(join(ROOT, 'dist/src/main.js'))).toBe(true);
  }, 180_000);

  it('serves the local chat page and its assets from dist/', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pacebot-prod-'));
    dirs.push(dataDir);
    const server = await startNpm(['run', 'start:prod'], startEnv(dataDir));
    started.push(server);
    expect(server.output()).toMatch(/^pacebot \d+\.\d+\.\d+ listening on /m);
    const script = await fetch(`${server.url}/static/chat.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toMatch(/POST \/web\/turn/);
    const turn = await fetch(`${server.url}/web/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'demo-admin', text: 'help' }),
    });
    expect(turn.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
  });

  it('npm run start:prod: exits 0 and leaves no process, port or lock behind', { timeout: 180_000 }, async () => {
    await stopsCleanly(['run', 'start:prod']);
  });
});
