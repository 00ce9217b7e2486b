import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUTBOUND_POLICY } from '../../../src/outbound/outbound-policy.js';
import { Outbound, OutboundError } from '../../../src/outbound/outbound.js';

/** A loopback server: `/hang` never answers, `/busy` answers 503 without Retry-After, anything else 200. */
let server: Server;
let base: string;
const seen: string[] = [];
const open: ServerResponse[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === '/hang') return void open.push(res);
    res.writeHead(req.url === '/busy' ? 503 : 200).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await (await fetch(`${base}/warm-up`)).text(); // the first fetch of a process loads undici: slower than a try's timeout
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const policy = { ...DEFAULT_OUTBOUND_POLICY, timeoutMs: 150, attempts: 2, backoffMs: 5 };
const call = (conversation: string, repeatable = true) => ({ label: 'test call', slots: [{ key: conversation, limit: 4 }], repeatable });

describe('Outbound', () => {
  it('cuts a hung try off, tries again, then throws outbound_timeout; the conversation then fails at once', async () => {
    const outbound = new Outbound(policy);
    seen.length = 0;
    const error = await outbound.fetch(`${base}/hang`, {}, call('c1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundError);
    expect(error).toMatchObject({ code: 'outbound_timeout', tries: 2 });
    expect(seen).toEqual(['/hang', '/hang']);

    const started = Date.now();
    await expect(outbound.fetch(`${base}/ok`, {}, call('c1'))).rejects.toMatchObject({ code: 'outbound_stalled' });
    expect(Date.now() - started).toBeLessThan(50);
    expect(seen).toHaveLength(2); // not sent
    expect((await outbound.fetch(`${base}/ok`, {}, call('c2'))).status).toBe(200);
  });

  it('sends a try that may have landed only once when the call is not repeatable', async () => {
    const outbound = new Outbound(policy);
    seen.length = 0;
    await expect(outbound.fetch(`${base}/hang`, {}, call('c3', false))).rejects.toMatchObject({ code: 'outbound_timeout', tries: 1 });
    expect(seen).toEqual(['/hang']);
  });

  it('gives a look-up with a fallback a single try when the call asks for fewer', async () => {
    const outbound = new Outbound(policy);
    seen.length = 0;
    await expect(outbound.fetch(`${base}/hang`, {}, { ...call('c6'), attempts: 1 })).rejects.toMatchObject({ code: 'outbound_timeout', tries: 1 });
    expect(seen).toEqual(['/hang']);
  });

  it('tries a 503 again even when not repeatable (refused unprocessed), and hands back the last answer', async () => {
    const outbound = new Outbound(policy);
    seen.length = 0;
    const response = await outbound.fetch(`${base}/busy`, {}, call('c4', false));
    expect(response.status).toBe(503);
    expect(seen).toEqual(['/busy', '/busy']);
  });

  it('lets the caller abort without a retry', async () => {
    const outbound = new Outbound({ ...policy, timeoutMs: 5000 });
    seen.length = 0;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(outbound.fetch(`${base}/hang`, { signal: controller.signal }, call('c5'))).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['/hang']);
  });
});
