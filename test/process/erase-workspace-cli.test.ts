import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function run(script: string, args: string[], dataDir: string) {
  const env = { ...process.env, DATA_DIR: dataDir, MONGODB_URI: '', LOG_LEVEL: 'silent' };
  delete (env as Record<string, string | undefined>).MONGODB_URI;
  const child = spawnSync(process.execPath, ['--no-deprecation', '--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Every byte under the data directory, as text. */
async function onDisk(dir: string): Promise<string> {
  const parts = await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name)).then((b) => b.toString('latin1'))));
  return parts.join('\n');
}

describe('npm run erase-workspace (an area that left and can no longer ask the bot)', () => {
  it('refuses without --yes, then erases the workspace from disk, leaving another', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pacebot-erase-ws-'));
    dirs.push(dataDir);
    expect(run('src/cli/demo.ts', ['--workspace', 'LEAVING'], dataDir).code).toBe(0);
    expect(run('src/cli/demo.ts', ['--workspace', 'STAYING'], dataDir).code).toBe(0);
    expect(await onDisk(dataDir)).toContain('LEAVING');

    const typo = run('src/cli/erase-workspace.ts', ['--workspace', 'LEAVNG', '--yes'], dataDir);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/^nothing erased: no workspace LEAVNG here \(embedded .*\)\. Workspaces held: .*LEAVING/);

    const refused = run('src/cli/erase-workspace.ts', ['--workspace', 'LEAVING'], dataDir);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/--yes/);

    const done = run('src/cli/erase-workspace.ts', ['--workspace', 'LEAVING', '--yes'], dataDir);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^Erased workspace LEAVING \(embedded .*\): \d+ records \(cases \d+, .*\); the store rewrote its files\.\n$/);
    const disk = await onDisk(dataDir);
    expect(disk).not.toContain('LEAVING');
    expect(disk).toContain('STAYING');
  }, 120_000);
});
