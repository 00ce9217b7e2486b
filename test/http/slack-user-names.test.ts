import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserNames } from '../../adapters/slack/user-names.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';

let fake: FakeSlackApi;
let client: webApi.WebClient;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  fake.users.set('U-ADA', 'Ada Lovelace');
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
});

afterAll(() => fake?.close());

describe('user names from users.info', () => {
  it('asks Slack once per person and hour', async () => {
    let now = 0;
    const userName = createUserNames(() => now);
    expect(await userName(client, 'U-ADA', 'ada')).toBe('Ada Lovelace');
    expect(await userName(client, 'U-ADA', 'ada')).toBe('Ada Lovelace');
    expect(fake.callsTo('users.info')).toHaveLength(1);
    now += 61 * 60 * 1000;
    await userName(client, 'U-ADA');
    expect(fake.callsTo('users.info')).toHaveLength(2);
  });

  it('falls back to the payload\'s handle when Slack refuses, and does not ask again for a while', async () => {
    fake.clear();
    let now = 0;
    const userName = createUserNames(() => now);
    fake.failNext('users.info', 'missing_scope');
    expect(await userName(client, 'U-BEN', 'ben')).toBe('ben');
    expect(await userName(client, 'U-BEN', 'ben')).toBe('ben');
    expect(fake.callsTo('users.info')).toHaveLength(1);
    now += 6 * 60 * 1000;
    expect(await userName(client, 'U-BEN', 'ben')).toBe('Person U-BEN');
    expect(fake.callsTo('users.info')).toHaveLength(2);
  });
});
