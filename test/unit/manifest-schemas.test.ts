import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SLACK_BOT_SCOPES } from '../../adapters/slack/oauth-routes.js';
import {
  slackManifest,
  teamsManifest,
  type ManifestInputs,
} from '../../manifest/render-manifests.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object or the plugin.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv;

const INPUTS: ManifestInputs = {
  appId: '5A0C1C1E-0000-4000-8000-00000000B07A',
  publicUrl: 'https://pacebot.example.org',
  version: '1.2.3',
  developerName: 'Northshire "QI" team',
};

function schema(file: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL(`../../manifest/schemas/${file}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
}

function validator(file: string): ValidateFunction {
  const { $schema: _declared, ...rest } = schema(file);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(rest);
}

const errorsOf = (validate: ValidateFunction) =>
  (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('Teams manifest', () => {
  const validate = validator('teams-manifest-v1.22.schema.json');

  it('validates against the published v1.22 schema once filled in', () => {
    const manifest = teamsManifest(INPUTS);
    expect(validate(manifest), errorsOf(validate).join('\n')).toBe(true);
    expect(manifest.manifestVersion).toBe('1.22');
  });

  it('is refused by the schema with its placeholders left in (the validator can fail)', () => {
    const template = JSON.parse(
      readFileSync(new URL('../../manifest/teams/manifest.json', import.meta.url), 'utf8'),
    );
    expect(validate(template)).toBe(false);
    expect(errorsOf(validate).join('\n')).toMatch(/\/id must match pattern/);
  });

  it('offers the bot in personal, team and group chats with the main commands listed', () => {
    const manifest = teamsManifest(INPUTS) as {
      id: string;
      bots: {
        botId: string;
        scopes: string[];
        commandLists: { commands: { title: string }[] }[];
      }[];
      validDomains: string[];
    };
    const [bot] = manifest.bots;
    expect(bot!.botId).toBe(INPUTS.appId.toLowerCase());
    expect(manifest.id).toBe(bot!.botId);
    expect(bot!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = bot!.commandLists.flatMap((list) => list.commands.map((c) => c.title));
    expect(titles).toEqual(
      expect.arrayContaining([
        'help',
        'setup',
        'pdsa new',
        'pdsa list',
        'case',
        'chart',
        'digest preview',
      ]),
    );
    expect(manifest.validDomains).toEqual(['pacebot.example.org']);
  });

  it('keeps the stored draft-04 schema free of keywords whose meaning changed in draft-07', () => {
    const text = readFileSync(
      new URL('../../manifest/schemas/teams-manifest-v1.22.schema.json', import.meta.url),
      'utf8',
    );
    expect(schema('teams-manifest-v1.22.schema.json').$schema).toBe(
      'http://json-schema.org/draft-04/schema#',
    );
    expect(text).not.toMatch(/"exclusive(Minimum|Maximum)"\s*:\s*(true|false)/);
    expect(text).not.toMatch(/"id"\s*:\s*"[^"]*#/);
  });
});

/** The parts of the Slack manifest these tests read. */
interface SlackManifest {
  features: {
    slash_commands: { command: string; url: string }[];
    app_home: Record<string, boolean>;
  };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { request_url: string };
    socket_mode_enabled: boolean;
  };
}

describe('Slack manifest', () => {
  const validate = validator('slack-manifest-v1.0.0.schema.json');
  const manifest = parse(slackManifest(INPUTS)) as SlackManifest;

  it('validates against the published 1.0.0 schema once filled in', () => {
    expect(validate(manifest), errorsOf(validate).join('\n')).toBe(true);
  });

  it('is refused by the schema when a slash command lacks its slash (the validator can fail)', () => {
    const broken = structuredClone(manifest);
    broken.features.slash_commands[0]!.command = 'pace';
    expect(validate(broken)).toBe(false);
  });

  it('asks for the scopes the OAuth install requests and subscribes to the events the adapter handles', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_BOT_SCOPES].sort());
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_mention',
      'message.im',
      'message.channels',
      'message.groups',
      'app_home_opened',
      'app_uninstalled',
      'tokens_revoked',
    ]);
    expect(manifest.features.slash_commands[0]!.command).toBe('/pace');
    expect(manifest.features.app_home).toMatchObject({
      home_tab_enabled: true,
      messages_tab_enabled: true,
    });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('points every URL at the public URL', () => {
    const urls = [
      manifest.features.slash_commands[0]!.url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.oauth_config.redirect_urls,
    ];
    expect(urls).toEqual([
      'https://pacebot.example.org/slack/events',
      'https://pacebot.example.org/slack/events',
      'https://pacebot.example.org/slack/events',
      'https://pacebot.example.org/slack/oauth_redirect',
    ]);
  });
});
