import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ logger: createLogger('debug', { destination: capture }) });
});
afterAll(() => app.stop());

async function turn(text: string, requestId?: string): Promise<Response> {
  return fetch(`${app.url}/web/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(requestId && { 'x-request-id': requestId }) },
    body: JSON.stringify({ as: 'demo-admin', text }),
  });
}

describe('request ids in the logs', () => {
  it("puts the proxy's X-Request-Id on every line one turn logs, and answers with it", async () => {
    lines.length = 0;
    // No programme yet: the refusal is logged at info, after the adapter's debug line.
    const response = await turn('meeting next', 'proxy-req-42');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('proxy-req-42');
    const refused = lines.filter((l) => l.msg === 'turn refused');
    expect(refused).toHaveLength(1);
    expect(lines.length).toBeGreaterThan(1);
    // Message text stays out of the logs at info and above.
    expect(JSON.stringify(lines.filter((l) => (l.level as number) >= 30))).not.toContain('meeting next');
    for (const line of lines) expect(line.requestId, JSON.stringify(line)).toBe('proxy-req-42');
  });

  it('makes one up when there is none (or a malformed one), different per request', async () => {
    const first = await turn('help');
    const second = await turn('help', 'not a valid id!');
    const ids = [first, second].map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
