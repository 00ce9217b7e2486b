import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlyApostrophes, straightApostrophes } from '../helpers/apostrophes.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

/** A rendered reply's words as the page shows them: no tags, the escaped apostrophe back. */
const words = (replies: { html: string }[]) =>
  replies
    .map((r) => r.html)
    .join('\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'");

describe('the first screen of the local chat', () => {
  it('uses one kind of apostrophe in the welcome and the help that follows it', async () => {
    const welcome = (await (await fetch(`${app.url}/web/welcome?as=demo-admin`)).json()) as { replies: { html: string }[] };
    const help = await fetch(`${app.url}/web/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'demo-admin', text: 'help' }),
    });
    expect(help.status).toBe(200);
    const screen = `${words(welcome.replies)}\n${words(((await help.json()) as { replies: { html: string }[] }).replies)}`;
    expect(screen).toContain('Welcome to pacebot');
    // The welcome's "a champions’ meeting" sat above help's "the champions' channel".
    expect(straightApostrophes(screen)).toContain("champions'");
    expect(curlyApostrophes(screen)).toEqual([]);
  });
});
