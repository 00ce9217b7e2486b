import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonAction, type RunningMain, startMain, webTurn } from '../helpers/start-main.js';

// Erasure must reach the disk: once `case … erase` answers, no file under DATA_DIR (the embedded
// store's journal and snapshots) holds the reference or any text that mentioned it.

let dataDir: string;
let server: RunningMain;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pacebot-erase-'));
  server = await startMain(dataDir);
}, 60_000);
afterAll(async () => {
  server?.child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

/** Every byte of every file under the data directory, as latin1 text (BSON keeps strings as UTF-8). */
async function everyFile(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push((await readFile(join(entry.parentPath, entry.name))).toString('latin1'));
  }
  return parts.join('\n');
}

describe('erasing a case reaches the data directory', () => {
  it('leaves no file holding the reference or the text that named it', { timeout: 120_000 }, async () => {
    await webTurn(server.url, { text: 'demo load' });
    const NOTE = 'moved to a kinship placement after panel';
    const card = await webTurn(server.url, { text: 'C1153 accommodated 3 Oct' });
    await webTurn(server.url, { action: buttonAction(card, 'Confirm') });
    expect(await webTurn(server.url, { text: `pdsa T-1 note c1153 ${NOTE}` })).not.toMatch(/Sorry/);
    // Still open, unanswered: a question about the case is on disk too.
    await webTurn(server.url, { text: 'C1153 first LAC review 10 Oct' });
    const before = await everyFile(dataDir);
    expect(before).toContain('C1153');
    expect(before).toContain(NOTE);

    const asked = await webTurn(server.url, { text: 'case C1153 erase' });
    expect(await webTurn(server.url, { action: buttonAction(asked, 'Erase C1153') })).toMatch(/Erased/);
    const after = await everyFile(dataDir);
    expect(after.toUpperCase()).not.toContain('C1153');
    expect(after).not.toContain(NOTE);
    // Other children are still there, on disk too.
    expect(after).toContain('C1042');

    // And after a restart the store loads without them.
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    server = await startMain(dataDir);
    expect(await webTurn(server.url, { text: 'case C1153' })).toMatch(/No case C1153/);
    expect(await webTurn(server.url, { text: 'case C1042' })).toMatch(/C1042/);
  });
});
