import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { loadWorkbook, table } from '../helpers/workbook-text.js';

const SAMPLE = readFileSync(fileURLToPath(new URL('../fixtures/trackers/sample-tracker.xlsx', import.meta.url)));
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock: () => new Date('2026-11-19T10:00:00Z') });
});
afterAll(() => app.stop());

interface Rendered {
  kind: string;
  html: string;
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&');

async function upload(data: Buffer, name: string, as = 'demo-admin', type = 'application/octet-stream') {
  const response = await fetch(`${app.url}/web/upload?as=${as}`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) },
    body: new Uint8Array(data),
  });
  return { status: response.status, body: (await response.json()) as { replies: Rendered[]; message?: string } };
}

async function turn(body: unknown) {
  const response = await fetch(`${app.url}/web/turn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as { replies: Rendered[] };
}

/** The action of the button with this label in a rendered card. */
function action(html: string, label: string) {
  const match = new RegExp(`data-action="([^"]+)"[^>]*>${label}<`).exec(html);
  if (!match) throw new Error(`no ${label} button in ${html.slice(0, 300)}`);
  return JSON.parse(unescape(match[1]!));
}

describe('POST /web/upload: the local chat file picker', () => {
  it('previews the tracker; Cancel stores nothing, Confirm stores it; the export downloads', async () => {
    await turn({ as: 'demo-admin', text: 'setup programme "Local PACE"' });
    const first = await upload(SAMPLE, "sample-tracker.xlsx");
    expect(first.status).toBe(200);
    const card = first.body.replies[0]!.html;
    expect(card).toMatch(/Import sample-tracker.xlsx\?/);
    expect(card).not.toMatch(/Example/);
    await turn({ as: 'demo-admin', action: action(card, 'Cancel') });
    expect(await app.db.collection(COLLECTIONS.cases).countDocuments()).toBe(0);

    const second = (await upload(SAMPLE, 'sample-tracker.xlsx')).body.replies[0]!.html;
    const stored = await turn({ as: 'demo-admin', action: action(second, 'Confirm import') });
    expect(stored.replies[0]!.html).toMatch(/4 new cases, 0 cases updated: 17 dates added/);
    expect(await app.db.collection(COLLECTIONS.cases).countDocuments()).toBe(4);

    const exported = await turn({ as: 'demo-admin', text: 'export' });
    const link = /download="([^"]+)" href="data:[^;]+;base64,([^"]+)"/.exec(exported.replies[0]!.html)!;
    expect(link[1]).toBe('pacebot-export-2026-11-19.xlsx');
    const workbook = await loadWorkbook(Buffer.from(link[2]!, 'base64'));
    expect(table(workbook.getWorksheet('Tracker')!).length).toBe(5);
  });

  it('refuses what a client may send wrongly with a clear 4xx, never a 500', async () => {
    expect((await upload(SAMPLE, 'x.xlsx', 'demo-admin', 'text/plain')).status).toBe(415);
    const empty = await upload(Buffer.alloc(0), 'x.xlsx');
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/The file is empty/);
    const noName = await upload(SAMPLE, '');
    expect(noName.status).toBe(400);
    expect(noName.body.message).toMatch(/needs a name/);
    const nobody = await upload(SAMPLE, 'x.xlsx', 'nobody');
    expect(nobody.status).toBe(400);
    expect(nobody.body.message).toMatch(/^as: must be the id of a person the picker offers/);
    expect((await fetch(`${app.url}/web/welcome?as=nobody`)).status).toBe(400);
    // In a real programme the chat speaks as its own people: a member added by name.
    await turn({ as: 'demo-admin', text: 'person add "Mo Member"' });
    const member = await upload(SAMPLE, 'x.xlsx', 'local-mo-member');
    expect(member.status).toBe(200);
    expect(member.body.replies[0]!.html).toMatch(/Only an admin can import a tracker/);
    const big = await upload(Buffer.alloc(10 * 1024 * 1024 + 1), 'big.csv');
    expect(big.status).toBe(413);
  });
});
