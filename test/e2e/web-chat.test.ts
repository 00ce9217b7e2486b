import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { becomePerson, openChat, say, turn } from '../../src/cli/chat-driver.js';
import { launchChromium, type Chromium } from '../../src/cli/launch-chromium.js';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
let browser: Chromium;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const focused = (page: Awaited<ReturnType<typeof openChat>>) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName,
    name: document.activeElement?.getAttribute('name'),
    text: document.activeElement?.textContent?.trim(),
    isReply: document.activeElement?.classList.contains('turn-bot') ?? false,
  }));

describe('the local chat in chromium', () => {
  it('loads the demo, logs a milestone by keyboard, shows a control chart, saves a PDSA plan and previews the digest', { timeout: 300_000 }, async () => {
    const store = workspaceStore(app.db, LOCAL_WORKSPACE_ID);
    const page = await openChat(browser.context, app.url, 'demo-admin');

    const loaded = await turn(page, () => page.getByRole('button', { name: 'Load demo data' }).click());
    expect(await loaded.textContent()).toContain('Glenmoray PACE (demo) is loaded');
    expect(await store.cases.countDocuments({})).toBe(150);

    const home = await becomePerson(page, 'demo-member');
    expect(await home.textContent()).toContain('T-20 Drift check at the West team meeting');

    // Keyboard only: type the sentence, Enter; the reply takes focus; Tab reaches Confirm; Enter.
    const confirm = await say(page, 'C1151 accommodated yesterday');
    expect(await confirm.textContent()).toContain('Check before I save');
    expect((await focused(page)).isReply).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Confirm');
    const saved = await turn(page, () => page.keyboard.press('Enter'));
    expect(await saved.textContent()).toContain('Saved: C1151');
    expect(await saved.textContent()).not.toContain('Check before I save');
    const yesterday = DateTime.now().setZone('Europe/London').minus({ days: 1 }).toISODate();
    expect((await store.cases.findOne({ caseRef: 'C1151' }))?.milestones.accommodated?.actual).toBe(yesterday);

    const chart = await say(page, 'chart accommodation to permanence recommendation');
    const image = chart.locator('figure.chart img');
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 300)).toBe(true);
    expect(await image.getAttribute('alt')).toMatch(/accommodation to permanence recommendation/i);
    // The demo has over 20 children on this measure, so it is drawn as an I chart (a control chart).
    expect(await chart.textContent()).toMatch(/I chart \(a control chart: mean [\d.]+ weeks, limits at 3 sigma, runs judged by the Anhøj rules\)/);

    const plan = await say(page, 'pdsa new');
    const form = plan.locator('form.card-form');
    expect(await focused(page)).toMatchObject({ tag: 'INPUT', name: 'title' });
    await form.getByLabel('Title', { exact: true }).fill('Drift check at the East team meeting');
    await form.locator('select[name="changeIdea"]').selectOption('drift-alert-at-team-meeting');
    await form.getByLabel('Aim group').selectOption('permanence-milestones');
    await form.getByLabel('Objective of this cycle').fill('See whether the drift check works in a second team.');
    await form.getByLabel('Prediction', { exact: true }).fill('ab');
    await turn(page, () => form.getByRole('button', { name: 'Save plan' }).click());

    // Too short a prediction comes back as the same form, the message by the field, focus on it.
    const again = page.locator('form.card-form').last();
    expect(await again.locator('[aria-invalid="true"]').getAttribute('name')).toBe('prediction');
    expect(await again.textContent()).toContain('Say a little more in the prediction');
    expect(await focused(page)).toMatchObject({ name: 'prediction' });
    expect(await again.locator('input[name="title"]').inputValue()).toBe('Drift check at the East team meeting');
    await again.getByLabel('Prediction', { exact: true }).fill('Two children waiting over 26 weeks get a review date.');
    const created = await turn(page, () => again.getByRole('button', { name: 'Save plan' }).click());

    expect(await created.textContent()).toContain('T-22');
    expect(await again.locator('input[name="title"]').isDisabled()).toBe(true);
    const cycle = await store.pdsa.findOne({ number: 22 });
    expect(cycle).toMatchObject({ title: 'Drift check at the East team meeting', ownerId: 'demo-member', groupKey: 'permanence-milestones' });

    // A member is not offered the page's tracker import or the digest preview, which are refused to them.
    await becomePerson(page, 'demo-member');
    expect(await page.locator('#upload-row').isVisible()).toBe(false);
    expect(await page.locator('#digest-link').isVisible()).toBe(false);
    await becomePerson(page, 'demo-admin');
    expect(await page.locator('#upload-row').isVisible()).toBe(true);

    // The digest preview opens as a page of its own, for the person chosen in the picker.
    await becomePerson(page, 'demo-lead');
    expect(await page.locator('#upload-row').isVisible()).toBe(false);
    const [digest] = await Promise.all([browser.context.waitForEvent('page'), page.locator('#digest-link').click()]);
    await digest.waitForLoadState('load', { timeout: 120_000 });
    expect(digest.url()).toContain('/web/digest-preview?as=demo-lead');
    expect(await digest.locator('main h2').textContent()).toBe('Digest preview');
    expect(await digest.locator('main').textContent()).toContain('Glenmoray PACE (demo)');
    const charts = digest.locator('main img');
    expect(await charts.count()).toBeGreaterThan(0);
    expect(await charts.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 300)).toBe(true);
  });

  it('keeps a refused form editable with what was typed, and saves it once the lead is known', { timeout: 180_000 }, async () => {
    const store = workspaceStore(app.db, LOCAL_WORKSPACE_ID);
    const page = await openChat(browser.context, app.url, 'demo-admin');
    if (!(await store.programmes.findOne({}))) await turn(page, () => page.getByRole('button', { name: 'Load demo data' }).click());

    const opened = await say(page, 'group new');
    const form = opened.locator('form.card-form');
    await form.getByLabel('Group name').fill('Kinship care');
    await form.getByLabel('Aim', { exact: true }).fill('More children placed with family');
    await form.getByLabel('Measurable target').fill('half within 20 weeks');
    await form.getByLabel('By when').fill('2027-12-31');
    await form.getByLabel('Leads').fill('Kim Ode');
    const refused = await turn(page, () => form.getByRole('button', { name: 'Save' }).click());

    // The refusal sits with the form, which is still there to fix and send again, nothing lost.
    expect(await refused.textContent()).toContain('I don\'t know "Kim Ode" yet');
    expect(await refused.locator('form.card-form').count()).toBe(1);
    // The only group form on this page (a locator of its own: `refused` will be an older reply soon).
    const kept = page.locator('form.card-form:has(input[name="addLeads"])');
    expect(await kept.count()).toBe(1);
    expect(await kept.getByRole('button', { name: 'Save' }).isDisabled()).toBe(false);
    expect(await kept.locator('input[name="name"]').isDisabled()).toBe(false);
    expect(await kept.locator('input[name="name"]').inputValue()).toBe('Kinship care');
    expect(await kept.locator('input[name="addLeads"]').inputValue()).toBe('Kim Ode');
    expect(await kept.textContent()).not.toContain('Sent.');
    // Nor does a bubble of the person's say it was sent.
    expect(await page.locator('.turn-user', { hasText: 'Sent:' }).count()).toBe(0);
    expect(await store.groups.findOne({ name: 'Kinship care' })).toBeNull();

    await say(page, 'person add "Kim Ode"');
    const saved = await turn(page, () => kept.getByRole('button', { name: 'Save' }).click());
    expect(await saved.textContent()).not.toContain("I don't know");
    expect(await kept.locator('input[name="name"]').isDisabled()).toBe(true);
    expect(await page.locator('.turn-user', { hasText: 'Sent:' }).count()).toBe(1);
    const group = await store.groups.findOne({ name: 'Kinship care' });
    const kim = await store.members.findOne({ name: 'Kim Ode' });
    expect(group?.leads).toContain(kim?.userId);
  });
});
