import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebNotifier } from '../../adapters/web/web-notifier.js';
import { runCoachPrompts } from '../../jobs/coach-prompts.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { openChat, say } from '../../src/cli/chat-driver.js';
import { launchChromium, type Chromium } from '../../src/cli/launch-chromium.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let now = new Date('2026-11-20T10:00:00Z');
let app: TestApp;
let browser: Chromium;

beforeAll(async () => {
  app = await startTestApp({ clock: () => now });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('local channels in the page, in chromium', () => {
  it('the pickers follow the programme; a prompt appears in its channel and a thread reply is kept', { timeout: 240_000 }, async () => {
    const page = await openChat(browser.context, app.url, 'demo-admin');
    await say(page, 'setup programme "Our area PACE"');
    await say(page, 'group add "Health"');
    expect(await (await say(page, 'person add "Sam Lee" as lead of health')).textContent()).toContain('Person added');
    // No reload: the pickers are refreshed after each turn, and the demo's chips are gone.
    await expect.poll(() => page.locator('#as option').allTextContents()).toContain('Sam Lee (lead)');
    expect(await page.locator('#as option').allTextContents()).not.toContain('Jamie Munro (member)');
    expect(await page.locator('#where option').allTextContents()).toEqual(['Direct message with pacebot', '#champions', '#health']);
    expect(await page.locator('[data-say="C1151 accommodated yesterday"]').count()).toBe(0);

    await page.locator('#where').selectOption('web-champions');
    expect(await (await say(page, 'champions channel')).textContent()).toContain("This is now the champions' channel");
    await page.locator('#where').selectOption('web-group-health');
    expect(await (await say(page, 'group health link')).textContent()).toContain("Health's channel");
    await page.locator('#where').selectOption('');
    expect(await (await say(page, 'prompt health on 21 Nov 2026 09:30: What did your last test teach you?')).textContent()).toMatch(/P-1/);

    now = new Date('2026-11-21T09:31:00Z');
    const deps = { db: app.db, logger: app.app.logger, owner: 'browser', clock: () => now };
    expect(await runCoachPrompts(deps)).toBe(1);
    expect((await runSendDeliveries({ ...deps, notifiers: { web: createWebNotifier(app.db) } })).sent).toBe(1);

    await page.locator('#as').selectOption('local-sam-lee');
    await page.locator('#where').selectOption('web-group-health');
    const post = page.locator('.turn-post').last();
    await post.waitFor({ timeout: 30_000 });
    expect(await post.textContent()).toContain('What did your last test teach you?');
    await post.getByRole('button', { name: 'Reply in thread' }).click();
    expect(await page.locator('#thread-note').isVisible()).toBe(true);
    expect(await (await say(page, 'A set agenda kept us to the plan.')).textContent()).toMatch(/your reply is kept/);
    await page.locator('#thread-cancel').click();
    expect(await page.locator('#thread-note').isVisible()).toBe(false);
  });
});
