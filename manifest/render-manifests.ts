import { readFileSync } from 'node:fs';
import { fillPlaceholders } from './fill-placeholders.js';

const HERE = new URL('./', import.meta.url);
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

export interface ManifestInputs {
  /** The Azure Bot's Microsoft App ID; also the Teams app id. Empty: Slack only, no Teams package. */
  appId: string;
  /** Public base URL of the service, https, e.g. https://pacebot.example.org. */
  publicUrl: string;
  /** Teams app version (semver); raise it for every new upload. */
  version: string;
  /** Shown as the publisher in Teams (≤ 32 characters). */
  developerName: string;
}

/** Checks the inputs and says which one is wrong and what it should look like. */
export function checkInputs(inputs: ManifestInputs): string[] {
  const problems: string[] = [];
  if (inputs.appId !== '' && !GUID.test(inputs.appId))
    problems.push(
      "app id: must be the Azure Bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000",
    );
  let url: URL | undefined;
  try {
    url = new URL(inputs.publicUrl);
  } catch {
    // reported below
  }
  if (url?.protocol !== 'https:' || url.pathname !== '/' || url.search) {
    problems.push(
      'public url: must be the https base URL of the service with no path, e.g. https://pacebot.example.org',
    );
  }
  if (!SEMVER.test(inputs.version)) problems.push('version: must be semver, e.g. 1.0.0');
  if (inputs.developerName.length < 1 || inputs.developerName.length > 32)
    problems.push('developer name: 1 to 32 characters');
  return problems;
}

/** The Teams manifest with ids and URLs filled in (placeholders hold JSON string content). */
export function teamsManifest(inputs: ManifestInputs): Record<string, unknown> {
  const template = readFileSync(new URL('teams/manifest.json', HERE), 'utf8');
  const json = (value: string) => JSON.stringify(value).slice(1, -1);
  return JSON.parse(
    fillPlaceholders(template, {
      MICROSOFT_APP_ID: json(inputs.appId.toLowerCase()),
      PUBLIC_HOST: json(new URL(inputs.publicUrl).host),
      APP_VERSION: json(inputs.version),
      DEVELOPER_NAME: json(inputs.developerName),
    }),
  ) as Record<string, unknown>;
}

/** The Slack manifest (YAML text, comments kept) with the request and redirect URLs filled in. */
export function slackManifest(inputs: Pick<ManifestInputs, 'publicUrl'>): string {
  const template = readFileSync(new URL('slack/manifest.yaml', HERE), 'utf8');
  return fillPlaceholders(template, { PUBLIC_URL: new URL(inputs.publicUrl).origin });
}
