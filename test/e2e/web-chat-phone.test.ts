import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChat, say, turn } from '../../src/cli/chat-driver.js';
import { launchChromium, type Chromium } from '../../src/cli/launch-chromium.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** An iPhone 12–15's CSS viewport. */
const PHONE = { width: 390, height: 844 };

let app: TestApp;
let browser: Chromium;
let page: Page;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium({ ...PHONE, touch: true });
  page = await openChat(browser.context, app.url, 'demo-admin');
  await turn(page, () => page.getByRole('button', { name: 'Load demo data' }).click());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const sideways = () =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

/** Where the newest reply's top is, against the bottom of the sticky header. */
const clearOfHeader = () =>
  page.evaluate(() => {
    const header = document.querySelector('header.top')!.getBoundingClientRect();
    const reply = [...document.querySelectorAll('.turn-bot')].at(-1)!.getBoundingClientRect();
    return { replyTop: reply.top, headerBottom: header.bottom };
  });

describe('the local chat on a phone (390 × 844)', () => {
  it('does not scroll sideways after a chart reply, and the reply is not under the sticky header', { timeout: 120_000 }, async () => {
    const chart = await say(page, 'chart accommodation to permanence recommendation');
    await chart.locator('figure.chart img').first().waitFor();
    const { scroll, client } = await sideways();
    expect(client).toBe(PHONE.width);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.waitForTimeout(600); // the reply scrolls into view smoothly
    const { replyTop, headerBottom } = await clearOfHeader();
    expect(replyTop).toBeGreaterThanOrEqual(headerBottom);
    // The numbers under it: headings and first-column cells on one line each, not broken mid-word.
    const broken = await chart.evaluate((reply) => {
      const details = reply.querySelector('details.chart-table') as HTMLDetailsElement;
      details.open = true;
      const cells = [...details.querySelectorAll('th, td:first-child')] as HTMLElement[];
      // One box per line the text takes (the cell itself is as tall as its row).
      const lines = (cell: HTMLElement) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      // A wide table scrolls in its own box, with shadows at the edges that have more to see.
      const box = getComputedStyle(details.querySelector('.table-scroll')!);
      const cue = { overflow: box.overflowX, attachment: box.backgroundAttachment, shadows: box.backgroundImage.match(/radial-gradient/g)?.length };
      return { count: cells.length, broken: cells.filter((c) => lines(c) > 1).map((c) => c.textContent), cue };
    });
    expect(broken.count).toBeGreaterThan(3);
    expect(broken.broken).toEqual([]);
    expect(broken.cue).toEqual({ overflow: 'auto', attachment: 'local, local, scroll, scroll', shadows: 2 });
    const after = await sideways();
    expect(after.scroll).toBeLessThanOrEqual(after.client);
  });

  it('opens a chart full size on tap and closes it with Escape, focus back on the chart', { timeout: 60_000 }, async () => {
    const zoom = page.locator('button.chart-zoom').last();
    const shown = await zoom.locator('img').evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width);
    await zoom.tap();
    const dialog = page.getByRole('dialog', { name: 'Chart, full size' });
    await dialog.waitFor();
    const full = dialog.locator('img');
    const size = await full.evaluate((img: HTMLImageElement) => ({ width: img.getBoundingClientRect().width, natural: img.naturalWidth, alt: img.alt }));
    expect(size.width).toBe(size.natural);
    expect(size.width).toBeGreaterThan(shown);
    expect(size.alt).toMatch(/accommodation to permanence recommendation/i);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    // The full-size chart pans inside the dialog; the page itself still does not scroll sideways.
    const { scroll, client } = await sideways();
    expect(scroll).toBeLessThanOrEqual(client);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('chart-zoom'))).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).tap();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('hands over the meeting pack: a PDF to download and a page to open, still no sideways scroll', { timeout: 120_000 }, async () => {
    const pack = await say(page, 'meeting pack');
    expect(await pack.textContent()).toMatch(/meeting pack for .* It names no child/);
    const pdf = pack.getByRole('link', { name: /Download meeting-pack-\d{4}-\d\d-\d\d\.pdf/ });
    expect(await pdf.getAttribute('href')).toMatch(/^data:application\/pdf;base64,JVBERi0/);
    const opened = browser.context.waitForEvent('page');
    await pack.getByRole('link', { name: /Open the page/ }).tap();
    const view = await opened;
    await view.waitForLoadState();
    expect(await view.title()).toMatch(/Champions’ meeting pack: Glenmoray PACE/);
    expect(await view.locator('h2').allTextContents()).toContain('Aim groups');
    // The pack's own style applies (the chat's policy, which allows no inline style, is not its
    // policy), so its charts fit the phone and the page does not scroll sideways.
    const look = await view.evaluate(() => ({
      heading: getComputedStyle(document.querySelector('h1')!).color,
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      widest: Math.max(...[...document.images].map((img) => img.getBoundingClientRect().right)),
      charts: document.images.length,
      origin: self.origin,
    }));
    expect(look.heading).toBe('rgb(11, 83, 148)');
    expect(look.client).toBe(PHONE.width);
    expect(look.scroll).toBeLessThanOrEqual(look.client);
    expect(look.charts).toBeGreaterThan(0);
    expect(look.widest).toBeLessThanOrEqual(PHONE.width);
    // Sandboxed: an origin of its own, so the page can reach nothing of the chat's.
    expect(look.origin).toBe('null');
    await view.close();
    const { scroll, client } = await sideways();
    expect(scroll).toBeLessThanOrEqual(client);
  });

  it('keeps the header compact: one line for "You are", well under a quarter of the screen', { timeout: 30_000 }, async () => {
    const sizes = await page.evaluate(() => {
      const header = document.querySelector('header.top')!.getBoundingClientRect();
      const label = document.querySelector('label[for="as"]') as HTMLElement;
      const lineHeight = parseFloat(getComputedStyle(label).lineHeight);
      return { header: header.height, label: label.getBoundingClientRect().height, lineHeight };
    });
    expect(sizes.label).toBeLessThanOrEqual(sizes.lineHeight + 1);
    expect(sizes.header).toBeLessThanOrEqual(PHONE.height * 0.15);
    const { scroll, client } = await sideways();
    expect(scroll).toBeLessThanOrEqual(client);
  });

  it('after a card button, shows the press and then the answer at the bottom, scrolled into view', { timeout: 120_000 }, async () => {
    await say(page, 'C1151 accommodated yesterday');
    // The card by its place in the log: `say` hands back "the newest reply", which moves on.
    const confirm = page.locator('.turn-bot').nth((await page.locator('.turn-bot').count()) - 1);
    expect(await confirm.textContent()).toContain('Check before I save');
    const saved = await turn(page, () => confirm.getByRole('button', { name: 'Confirm' }).tap());
    expect(await saved.textContent()).toContain('Saved: C1151');
    const lastTwo = await page.evaluate(() =>
      [...document.querySelectorAll('#log > .turn')].slice(-2).map((t) => ({ user: t.classList.contains('turn-user'), text: t.textContent ?? '' })),
    );
    expect(lastTwo[0]).toMatchObject({ user: true, text: expect.stringContaining('Confirm') });
    expect(lastTwo[1]).toMatchObject({ user: false, text: expect.stringContaining('Saved: C1151') });
    // The card that was pressed cannot be pressed again.
    expect(await confirm.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(true);
    await page.waitForTimeout(600); // the answer scrolls into view smoothly
    const { replyTop, headerBottom } = await clearOfHeader();
    expect(replyTop).toBeGreaterThanOrEqual(headerBottom);
    // …and above the sticky message box: the answer is on screen, not somewhere below it.
    const composerTop = await page.evaluate(() => document.querySelector('footer.composer')!.getBoundingClientRect().top);
    expect(replyTop).toBeLessThan(composerTop);
  });

  it('after switching "You are", shows the new person’s home on screen, not under the message box', { timeout: 60_000 }, async () => {
    const homes = await page.locator('.turn-bot').count();
    const other = await page.evaluate(() => {
      const picker = document.querySelector('select#as') as HTMLSelectElement;
      return [...picker.options].map((o) => o.value).find((v) => v !== picker.value)!;
    });
    await page.selectOption('select#as', other);
    await page.locator('.turn-bot').nth(homes).waitFor();
    await page.waitForTimeout(600); // scrolled into view smoothly
    const place = await page.evaluate(() => {
      const home = [...document.querySelectorAll('.turn-bot')].at(-1)!.getBoundingClientRect();
      const header = document.querySelector('header.top')!.getBoundingClientRect();
      const composer = document.querySelector('footer.composer')!.getBoundingClientRect();
      return { top: home.top, headerBottom: header.bottom, composerTop: composer.top };
    });
    expect(place.top).toBeGreaterThanOrEqual(place.headerBottom - 60); // the "You are now" note may sit just above it
    expect(place.top).toBeLessThan(place.composerTop - 100);
  });

  it('gives a card fact its room beside a long label: "Your tests of change" ran its status down the edge a letter a line', { timeout: 30_000 }, async () => {
    const narrowest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('.card-facts dd')].map((dd) => dd.getBoundingClientRect().width)));
    expect(narrowest).toBeGreaterThanOrEqual(60);
  });

  it('back in the direct messages from a channel, shows where you are, not the top of the conversation', { timeout: 60_000 }, async () => {
    await page.locator('#where').selectOption({ index: 1 });
    await page.locator('#where').selectOption('');
    const note = () =>
      page.locator('.turn-note').last().evaluate((el) => {
        const box = el.getBoundingClientRect();
        return { text: el.textContent, onScreen: box.top >= 0 && box.bottom <= window.innerHeight };
      });
    // Scrolled into view smoothly: the distance can be long.
    await expect.poll(async () => (await note()).onScreen, { timeout: 5_000 }).toBe(true);
    expect((await note()).text).toMatch(/back in your direct messages/);
  });

  it('after a form refused at a field, shows no "Sent" and says why at the bottom, with the form there to fix', { timeout: 120_000 }, async () => {
    const card = await say(page, 'C1152 accommodated yesterday');
    const opened = await turn(page, () => card.getByRole('button', { name: 'Edit' }).tap());
    const form = opened.locator('form.card-form');
    await form.getByLabel('Date').fill('1990-01-01');
    const turnsBefore = await page.locator('#log > .turn').count();
    await turn(page, () => form.getByRole('button', { name: /save|check/i }).tap());

    const turns = await page.evaluate(() =>
      [...document.querySelectorAll('#log > .turn')].map((t) => ({ user: t.classList.contains('turn-user'), text: t.textContent ?? '' })),
    );
    // Nothing was sent on: no bubble of the person's says "Sent", and the newest turn is the answer.
    expect(turns.filter((t) => t.user && /Sent/.test(t.text))).toEqual([]);
    expect(turns.length).toBe(turnsBefore);
    const last = turns.at(-1)!;
    expect(last.user).toBe(false);
    expect(last.text).toMatch(/Nothing is saved yet/);
    expect(last.text).toMatch(/more than 18 years ago/);
    // The form is there, under the reason, still filled in, the field to fix focused and on screen.
    expect(await page.locator('.turn-bot').last().locator('form.card-form').count()).toBe(1);
    // The one edit form on the page (a locator of its own: the newest reply moves on).
    const again = page.locator('form.card-form:has(input[name="date_1"])');
    expect(await again.count()).toBe(1);
    expect(await again.locator('[aria-invalid="true"]').getAttribute('name')).toBe('date_1');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('date_1');
    expect(await again.locator('input[name="case_1"]').inputValue()).toBe('C1152');
    await page.waitForTimeout(600); // scrolled into view smoothly
    const reason = await page.locator('.turn-bot').last().locator('.form-refused').evaluate((el) => el.getBoundingClientRect().top);
    const composerTop = await page.evaluate(() => document.querySelector('footer.composer')!.getBoundingClientRect().top);
    expect(reason).toBeGreaterThanOrEqual(0);
    expect(reason).toBeLessThan(composerTop);

    // Fixed and sent again: now it is sent, and the answer comes under the person's bubble.
    await again.getByLabel('Date').fill('2026-01-05');
    const answer = await turn(page, () => again.getByRole('button', { name: /save|check/i }).tap());
    expect(await answer.textContent()).toContain('Check before I save');
    const lastTwo = await page.evaluate(() =>
      [...document.querySelectorAll('#log > .turn')].slice(-2).map((t) => ({ user: t.classList.contains('turn-user'), text: t.textContent ?? '' })),
    );
    expect(lastTwo[0]).toMatchObject({ user: true, text: expect.stringContaining('Sent: Edit milestone dates') });
    expect(await again.locator('input[name="date_1"]').isDisabled()).toBe(true);
  });
});
