import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChat, say, turn, TURN_TIMEOUT_MS } from '../../src/cli/chat-driver.js';
import { launchChromium, type Chromium } from '../../src/cli/launch-chromium.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const TRACKER = { name: 'tracker.csv', mimeType: 'text/csv', buffer: Buffer.from('Case ref,Accommodated,Perm rec\nC2001,03/02/2025,01/06/2025\nC2002,04/02/2025,\n') };

let app: TestApp;
let browser: Chromium;
let page: Page;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium({ width: 390, height: 844, touch: true });
  page = await openChat(browser.context, app.url, 'demo-admin');
  await turn(page, () => page.getByRole('button', { name: 'Load demo data' }).click());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('"Change columns" on a tracker preview, in the local chat on a phone', () => {
  it('quiets the first preview’s Confirm, and the import confirmed after it keeps the first number', { timeout: 120_000 }, async () => {
    const uploaded = page.waitForResponse((r) => r.url().includes('/web/upload'), { timeout: TURN_TIMEOUT_MS });
    await page.locator('#tracker-file').setInputFiles(TRACKER);
    await uploaded;
    await page.locator('#log[aria-busy="false"]').waitFor({ timeout: TURN_TIMEOUT_MS });
    const preview = page.locator('article.card', { hasText: 'Import tracker.csv?' }).last();
    const number = (await app.db.collection('tracker_imports').findOne({ status: 'preview' }))!.number as number;

    const changing = await turn(page, () => preview.getByRole('button', { name: 'Change columns' }).tap());
    expect(await preview.getByRole('button', { name: 'Confirm import' }).isDisabled()).toBe(true);
    expect(await changing.textContent()).toContain('Changing the columns of tracker.csv');
    const form = changing.locator('form.card-form');
    const again = await turn(page, () => form.getByRole('button', { name: 'Show the preview again' }).tap());
    const done = await turn(page, () => again.getByRole('button', { name: 'Confirm import' }).tap());
    expect(await done.textContent()).toContain(`import undo ${number} takes it back`);
    const undo = await say(page, `import undo ${number}`);
    expect(await undo.textContent()).toContain(`Undo import #${number}, tracker.csv?`);
  });
});
