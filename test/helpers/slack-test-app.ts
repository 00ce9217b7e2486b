import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Logger } from '../../src/log.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { SECRET } from '../fakes/slack-payloads.js';
import { startTestApp, type TestApp } from './test-app.js';

export interface SlackTestApp {
  fake: FakeSlackApi;
  app: TestApp;
}

/**
 * For a Slack contract test file: the fake Web API and the real app pointed at it (single-workspace
 * token unless `env` says otherwise), started once for the file. After each test nothing may have
 * called an unknown Slack route, and the recorded calls are cleared.
 */
export function useSlackTestApp(
  env: Record<string, string> = { SLACK_BOT_TOKEN: 'xoxb-test' },
  options: { logger?: Logger } = {},
): SlackTestApp {
  const harness = {} as SlackTestApp;
  beforeAll(async () => {
    harness.fake = await FakeSlackApi.start();
    harness.fake.users.set('U-ADA', 'Ada Lovelace');
    harness.app = await startTestApp({ env: { SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: harness.fake.url, ...env }, ...options });
  });
  afterAll(async () => {
    await harness.app?.stop();
    await harness.fake?.close();
  });
  afterEach(() => {
    expect(harness.fake.unhandled).toEqual([]);
    harness.fake.clear();
  });
  return harness;
}
