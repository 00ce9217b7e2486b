import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

/** A raw request, so the test can send the Origin and Sec-Fetch-Site headers a browser sets. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const STYLE = '\n  h1 { color: #0b5394; }\n  img { max-width: 100%; }\n';
const PAGE = `<!doctype html><html><head><style>${STYLE}</style></head><body><h1>Champions’ meeting pack</h1></body></html>`;
const form = { 'content-type': 'application/x-www-form-urlencoded' };
/** As the chat's form posts it: its referrer policy makes the browser say Origin: null. */
const fromChat = { ...form, origin: 'null', 'sec-fetch-site': 'same-origin' };
const body = (html: string) => new URLSearchParams({ page: Buffer.from(html, 'utf8').toString('base64') }).toString();

describe('"Open the page": a page the bot made, served under its own policy', () => {
  it('answers the posted page with its style allowed by hash, no script, sandboxed; the chat keeps its own policy', async () => {
    const opened = await send(`${app.url}/web/page`, { method: 'POST', headers: fromChat, body: body(PAGE) });
    expect(opened.status).toBe(200);
    expect(opened.body).toBe(PAGE);
    expect(opened.headers['content-type']).toBe('text/html; charset=utf-8');
    const hash = createHash('sha256').update(STYLE, 'utf8').digest('base64');
    const policy = String(opened.headers['content-security-policy']);
    expect(policy).toContain(`style-src 'sha256-${hash}';`);
    expect(policy).toMatch(/^default-src 'none';/);
    expect(policy).not.toContain('script-src');
    expect(policy).toMatch(/; sandbox$/);
    expect(opened.headers['cache-control']).toBe('no-store');
    // The chat page itself still allows no inline style at all.
    const chat = await send(`${app.url}/`);
    expect(chat.headers['content-security-policy']).toContain("style-src 'self';");
  });

  it('refuses a page posted by another site, or by a sandboxed page, and takes one with no Origin from this computer', async () => {
    const other = await send(`${app.url}/web/page`, { method: 'POST', headers: { ...form, origin: 'https://evil.example' }, body: body(PAGE) });
    expect(other.status).toBe(403);
    const opaque = await send(`${app.url}/web/page`, { method: 'POST', headers: { ...form, origin: 'null', 'sec-fetch-site': 'cross-site' }, body: body(PAGE) });
    expect(opaque.status).toBe(403);
    const bare = await send(`${app.url}/web/page`, { method: 'POST', headers: { ...form, origin: 'null' }, body: body(PAGE) });
    expect(bare.status).toBe(403);
    const local = await send(`${app.url}/web/page`, { method: 'POST', headers: form, body: body(PAGE) });
    expect(local.status).toBe(200);
  });

  it('answers a body that is not a page with a clear 400 or 415, never a 500', async () => {
    const garbled = await send(`${app.url}/web/page`, { method: 'POST', headers: fromChat, body: 'page=%3Cscript%3E' });
    expect(garbled.status).toBe(400);
    expect(JSON.parse(garbled.body)).toMatchObject({ code: 'page_not_readable', message: expect.stringContaining('Download link') });
    const missing = await send(`${app.url}/web/page`, { method: 'POST', headers: fromChat, body: '' });
    expect(missing.status).toBe(400);
    const json = await send(`${app.url}/web/page`, { method: 'POST', headers: { ...fromChat, 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
  });
});
