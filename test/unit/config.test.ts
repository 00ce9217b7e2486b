import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig, testConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('runs on defaults with nothing set: embedded store, loopback, local chat on', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.storeMode).toBe('embedded');
    expect(config.webChatEnabled).toBe(true);
    expect(config.SLACK_API_URL).toBe('https://slack.com/api/');
  });

  it('uses MongoDB when MONGODB_URI is set', () => {
    expect(loadConfig({ MONGODB_URI: 'mongodb://db.example:27017' }).storeMode).toBe('mongodb');
  });

  it('gives one line per problem naming the variable, what is wrong and an example', () => {
    const problems = problemsOf({ PORT: 'eighty', MONGODB_URI: 'postgres://x', SLACK_API_URL: 'not a url' });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('PORT:'))).toMatch(/e\.g\. 3978/);
    expect(problems.find((p) => p.startsWith('MONGODB_URI:'))).toMatch(/mongodb:\/\//);
    expect(problems.find((p) => p.startsWith('SLACK_API_URL:'))).toMatch(/e\.g\. https:\/\/slack\.com\/api\//);
  });

  it('checks variables that only make sense together', () => {
    expect(problemsOf({ SLACK_CLIENT_ID: 'abc' })[0]).toMatch(/^SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET:/);
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1-2-3' })[0]).toMatch(/^SLACK_SIGNING_SECRET: is required/);
    expect(problemsOf({ MicrosoftAppId: 'app' })[0]).toMatch(/^MicrosoftAppPassword:/);
    expect(problemsOf({ MicrosoftAppType: 'SingleTenant' })[0]).toMatch(/^MicrosoftAppTenantId:/);
  });

  it('turns the local chat off in production or when platform credentials are set, unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).webChatEnabled).toBe(false);
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's' }).webChatEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', WEB_CHAT_ENABLED: 'true' }).webChatEnabled).toBe(true);
  });

  it('treats empty strings as unset, as .env files write them', () => {
    expect(loadConfig({ MONGODB_URI: '', PORT: '' }).storeMode).toBe('embedded');
  });

  it('builds test configs from overrides without touching process.env', () => {
    const before = { ...process.env };
    expect(testConfig({ PORT: '1234' }).PORT).toBe(1234);
    expect(process.env).toEqual(before);
  });

  it('stops start-up with the clear lines and a non-zero exit, never a stack trace', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, PORT: 'eighty', MONGODB_URI: 'nope' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^pacebot cannot start — fix the configuration:/);
    expect(result.stderr).toMatch(/PORT: .*e\.g\. 3978/);
    expect(result.stderr).toMatch(/MONGODB_URI: must start with mongodb:\/\//);
    expect(result.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });
});

describe('.env.example', () => {
  it('lists every variable the config schema reads, and nothing else', async () => {
    const { readFileSync } = await import('node:fs');
    const { ConfigSchema } = await import('../../src/config.js');
    const listed = readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((line) => /^[A-Za-z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(new Set(listed)).toEqual(new Set(Object.keys(ConfigSchema.shape)));
  });
});
