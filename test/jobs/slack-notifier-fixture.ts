import type { Db } from 'mongodb';
import { createSlackNotifier } from '../../adapters/slack/slack-notifier.js';
import { testConfig } from '../../src/config.js';
import type { Notifier } from '../../src/notify.js';
import type { FakeSlackApi } from '../fakes/fake-slack-api.js';

/** The real Slack notifier, single-workspace token, talking to the loopback fake. */
export function fakeSlackNotifier(fake: Pick<FakeSlackApi, 'url'>, db: Db): Notifier {
  const env = { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: fake.url };
  return createSlackNotifier(testConfig(env), db);
}
