import { request } from 'node:http';
import type { Request } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasDigestPreview } from '../../adapters/web/digest-preview.js';
import { isLocalRequest } from '../../adapters/web/loopback.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

/** A raw request, so the test can send the Host and Origin headers fetch would not let it set. */
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

const turn = JSON.stringify({ as: 'demo-admin', text: 'help' });
const json = { 'content-type': 'application/json' };

describe('the local chat page', () => {
  it('serves the page with its labels and a strict content security policy', async () => {
    const page = await send(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<label for="as">You are</label>');
    expect(page.body).toContain('<label for="message">Message to pacebot</label>');
    expect(page.body).toMatch(/<ol id="log" class="log" role="log" aria-live="polite"/);
  });

  it('serves its own two assets and nothing else', async () => {
    const script = await send(`${app.url}/static/chat.js`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain("fetch(url, options)");
    expect((await send(`${app.url}/static/chat.css`)).status).toBe(200);
    expect((await send(`${app.url}/static/server.ts`)).status).toBe(404);
    expect((await send(`${app.url}/static/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('links the digest preview page only when a feature can build the digest', async () => {
    const page = await send(`${app.url}/`);
    const preview = await send(`${app.url}/web/digest-preview?as=demo-lead`);
    if (await hasDigestPreview()) {
      expect(page.body).toContain('id="digest-link"');
      expect(preview.status).toBe(200);
      expect(preview.body).toContain('<h2>Digest preview</h2>');
    } else {
      expect(page.body).not.toContain('id="digest-link"');
      expect(preview).toMatchObject({ status: 404, body: 'digest preview not available yet' });
    }
  });
});

describe('who the local chat answers', () => {
  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const port = new URL(app.url).port;
    for (const path of ['/', '/static/chat.js', '/web/welcome']) {
      const answer = await send(`${app.url}${path}`, { headers: { host: `attacker.example:${port}` } });
      expect(answer.status, path).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'not_local' });
    }
    const posted = await send(`${app.url}/web/turn`, { method: 'POST', headers: { ...json, host: 'pacebot.example.org' }, body: turn });
    expect(posted.status).toBe(403);
  });

  it('refuses a turn posted by another site’s page, and takes one from its own', async () => {
    const other = await send(`${app.url}/web/turn`, { method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: turn });
    expect(other.status).toBe(403);
    const own = await send(`${app.url}/web/turn`, { method: 'POST', headers: { ...json, origin: app.url }, body: turn });
    expect(own.status).toBe(200);
  });

  it('answers only loopback addresses with a loopback Host', () => {
    const req = (remoteAddress: string, host: string) => ({ socket: { remoteAddress }, headers: { host } }) as unknown as Request;
    expect(isLocalRequest(req('127.0.0.1', '127.0.0.1:3978'))).toBe(true);
    expect(isLocalRequest(req('::ffff:127.0.0.1', 'localhost:3978'))).toBe(true);
    expect(isLocalRequest(req('::1', '[::1]:3978'))).toBe(true);
    expect(isLocalRequest(req('192.168.1.20', '127.0.0.1:3978'))).toBe(false);
    expect(isLocalRequest(req('127.0.0.1', 'localhost.evil.example'))).toBe(false);
  });
});

describe('the local chat in production', () => {
  it('is off with NODE_ENV=production, and on again with WEB_CHAT_ENABLED=true', async () => {
    const production = await startTestApp({ env: { NODE_ENV: 'production' } });
    try {
      expect((await send(`${production.url}/`)).status).toBe(404);
      expect((await send(`${production.url}/web/turn`, { method: 'POST', headers: json, body: turn })).status).toBe(404);
    } finally {
      await production.stop();
    }
    const enabled = await startTestApp({ env: { NODE_ENV: 'production', WEB_CHAT_ENABLED: 'true' } });
    try {
      expect((await send(`${enabled.url}/`)).status).toBe(200);
    } finally {
      await enabled.stop();
    }
  });
});
