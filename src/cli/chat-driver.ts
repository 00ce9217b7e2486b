import type { BrowserContext, Locator, Page } from 'playwright-core';

/** How long one turn may take on a slow machine (a chart is rendered on the server). */
export const TURN_TIMEOUT_MS = 60_000;

/** Opens the local chat as one of the demo people and waits for the welcome or home page. */
export async function openChat(context: BrowserContext, baseUrl: string, as = 'demo-admin'): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript((who) => localStorage.setItem('pacebot.as', who), as);
  await page.goto(`${baseUrl}/`);
  await page.locator('.turn-bot').first().waitFor({ timeout: TURN_TIMEOUT_MS });
  return page;
}

/** Does something that sends one turn, waits for the answer to be shown, returns the newest bot reply. */
export async function turn(page: Page, act: () => Promise<void>): Promise<Locator> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/web/turn'), { timeout: TURN_TIMEOUT_MS });
  await act();
  await answered;
  await page.locator('#log[aria-busy="false"]').waitFor({ timeout: TURN_TIMEOUT_MS });
  return page.locator('.turn-bot').last();
}

/** Types a sentence into the message box and sends it with Enter, as a keyboard user would. */
export function say(page: Page, text: string): Promise<Locator> {
  return turn(page, async () => {
    await page.locator('#message').fill(text);
    await page.locator('#message').press('Enter');
  });
}

/** Becomes someone else with the "You are" picker and waits for their home page. */
export async function becomePerson(page: Page, userId: string): Promise<Locator> {
  const shown = await page.locator('.turn-bot').count();
  await page.locator('#as').selectOption(userId);
  await page.waitForFunction((n) => document.querySelectorAll('.turn-bot').length > n, shown, { timeout: TURN_TIMEOUT_MS });
  return page.locator('.turn-bot').last();
}
