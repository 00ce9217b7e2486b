import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FakeBotConnector } from '../fakes/fake-bot-connector.js';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app.js';

export interface TeamsHarness {
  bot: TestApp;
  connector: FakeBotConnector;
}

/**
 * Registers vitest hooks for a file: the real app (anonymous local Teams mode unless `env` says
 * otherwise) and a loopback Bot Connector, both stopped after the file; the connector's record is
 * cleared before each test. Read the fields inside tests, after the hooks ran.
 */
export function useTeamsHarness(options: TestAppOptions = {}): TeamsHarness {
  const harness = {} as TeamsHarness;
  beforeAll(async () => {
    harness.connector = await FakeBotConnector.start();
    harness.bot = await startTestApp({
      ...options,
      env: { TEAMS_ALLOW_ANONYMOUS: 'true', ...options.env },
    });
  });
  afterAll(async () => {
    await harness.bot?.stop();
    await harness.connector?.close();
  });
  beforeEach(() => harness.connector.clear());
  return harness;
}
