import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { LOCAL_WORKSPACE_ID } from '../demo/demo-people.js';
import { loadDemo } from '../demo/load-demo.js';
import { adapterRoutes } from '../main-routes.js';
import { openStore } from '../store/open-store.js';
import { becomePerson, openChat, say } from './chat-driver.js';
import { launchChromium } from './launch-chromium.js';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Scrolls a reply to the top of the log and saves the window as the person sees it. */
async function shoot(page: Page, reply: Locator, name: string): Promise<void> {
  await reply.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300); // let smooth scrolling settle
  await page.screenshot({ path: `${OUT}${name}.png` });
  process.stdout.write(`docs/screenshots/${name}.png\n`);
}

/**
 * `npx tsx src/cli/screenshots.ts`: the README's pictures of the local chat, from the real app over
 * an in-memory store with the demo loaded, in headless chromium.
 */
async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const config = loadConfig({ NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false' });
  const store = await openStore({ dbName: 'screenshots' });
  const app = await createApp(config, { routes: adapterRoutes }, { store });
  const { url } = await app.start();
  const browser = await launchChromium({ width: 1100, height: 860 });
  try {
    await loadDemo(store.db, LOCAL_WORKSPACE_ID, { now: new Date() });
    const page = await openChat(browser.context, url, 'demo-member');
    await shoot(page, page.locator('.turn-bot').last(), 'home');

    const confirm = await say(page, 'C1151 accommodated yesterday');
    await shoot(page, confirm, 'milestone-confirmation');

    await becomePerson(page, 'demo-lead');
    const chart = await say(page, 'chart accommodation to permanence recommendation');
    await shoot(page, chart, 'run-chart');

    const form = await say(page, 'pdsa new');
    await shoot(page, form, 'pdsa-form');

    const digest = await page.context().newPage();
    const response = await digest.goto(`${url}/web/digest-preview?as=demo-lead`);
    if (response?.ok()) {
      await digest.screenshot({ path: `${OUT}digest-preview.png` });
      process.stdout.write('docs/screenshots/digest-preview.png\n');
    } else {
      process.stdout.write(`digest preview not taken: the page answered ${response?.status()}\n`);
    }
  } finally {
    await browser.close();
    await app.stop();
    await store.close();
  }
}

await main();
