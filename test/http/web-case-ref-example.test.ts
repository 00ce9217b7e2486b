import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const page = async () => (await fetch(`${app.url}/`)).text();
const where = async () => (await (await fetch(`${app.url}/web/where`)).json()) as { example?: string };
async function say(text: string) {
  const response = await fetch(`${app.url}/web/turn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: 'demo-admin', text }) });
  expect(response.status).toBe(200);
}

describe('the local chat’s message box', () => {
  it('suggests the area’s own example reference once a programme gives one', async () => {
    expect(await page()).toContain('placeholder="C1042 accommodated 3 Oct"');
    await say('setup programme "Fernbank PACE" pattern FB-2041');
    const html = await page();
    expect(html).toContain('placeholder="FB-1042 accommodated 3 Oct"');
    expect(html).not.toContain('C1042');
    // The page asks again after each turn, so the box changes without a reload.
    expect(await where()).toMatchObject({ example: 'FB-1042' });
  });
});
