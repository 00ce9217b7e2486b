import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { deliver, SECRET, slashCommand } from '../fakes/slack-payloads.js';
import { postActivity, teamsMessage } from '../fakes/teams-activities.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const TOKEN = 'metrics-test-token-0123456789';

/** One sample line of the Prometheus text format: name{labels} value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A small parser for the exposition format: comments skipped, label values unescaped. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/.exec(line);
    if (!match) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key!] = raw!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3] === '+Inf' ? Infinity : match[3]) });
  }
  return samples;
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

async function scrape(url: string): Promise<Sample[]> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

describe('GET /metrics with METRICS_TOKEN set', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => app.stop());

  it('counts and times a web turn, and exposes event-loop lag and deliveries', async () => {
    const before = await scrape(app.url);
    const turn = await fetch(`${app.url}/web/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'demo-admin', text: 'help' }),
    });
    expect(turn.status).toBe(200);
    await app.db.collection('deliveries').insertMany(['a', 'b', 'c'].map((key, i) => ({ idempotencyKey: `metrics-${key}`, status: i < 2 ? 'sent' : 'failed' })));

    const after = await scrape(app.url);
    const replied = { platform: 'web', outcome: 'replied' };
    expect(value(after, 'pacebot_turns_total', replied)).toBe(value(before, 'pacebot_turns_total', replied) + 1);
    expect(value(after, 'pacebot_turn_duration_seconds_count', { platform: 'web' })).toBe(
      value(before, 'pacebot_turn_duration_seconds_count', { platform: 'web' }) + 1,
    );
    expect(value(after, 'pacebot_turn_duration_seconds_bucket', { platform: 'web', le: '+Inf' })).toBeGreaterThanOrEqual(1);
    expect(after.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    expect(value(after, 'pacebot_deliveries', { status: 'sent' })).toBe(2);
    expect(value(after, 'pacebot_deliveries', { status: 'failed' })).toBe(1);
    expect(after.every((s) => s.labels.service === 'pacebot')).toBe(true);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toMatch(/pacebot_turns_total/);
  });
});

describe('ack latency', () => {
  it('times the HTTP answer to each Slack and Teams request, by platform', async () => {
    const fake = await FakeSlackApi.start();
    const app = await startTestApp({
      env: { METRICS_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: fake.url },
    });
    try {
      const before = await scrape(app.url);
      const command = slashCommand({ text: 'help', response_url: fake.responseUrl('metrics') });
      expect((await deliver(app.url, command)).status).toBe(200);
      // No MicrosoftAppId: refused, but answered, and the answer is timed like any other.
      expect((await postActivity(app.url, teamsMessage('help', { serviceUrl: 'http://127.0.0.1:9/' }))).status).toBe(401);
      await fake.waitFor('response_url:metrics');
      const after = await scrape(app.url);
      for (const platform of ['slack', 'teams']) {
        const count = (samples: Sample[]) => value(samples, 'pacebot_ack_duration_seconds_count', { platform });
        expect(count(after)).toBe(count(before) + 1);
        expect(value(after, 'pacebot_ack_duration_seconds_bucket', { platform, le: '+Inf' })).toBe(count(after));
      }
    } finally {
      await app.stop();
      await fake.close();
    }
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('is off: 404', async () => {
    const app = await startTestApp();
    try {
      expect((await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await app.stop();
    }
  });
});

describe('store round-trip time', () => {
  it("is observed per command through the driver's command monitoring", async () => {
    const { registry } = await import('../../src/metrics/metrics.js');
    const store = await openStore({ dbName: 'metrics-rtt' });
    try {
      await store.db.collection('notes').insertOne({ n: 1 });
      await store.db.collection('notes').findOne({});
      const samples = parseExposition(await registry.metrics());
      expect(value(samples, 'pacebot_store_command_duration_seconds_count', { command: 'insert', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
      expect(value(samples, 'pacebot_store_command_duration_seconds_count', { command: 'find', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    } finally {
      await store.close();
    }
  });
});
