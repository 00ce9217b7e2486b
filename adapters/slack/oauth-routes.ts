import type { Logger as BoltLogger } from '@slack/logger';
import { InstallProvider } from '@slack/oauth';
import type { webApi } from '@slack/bolt';
import type { Db } from 'mongodb';
import type { Server } from 'restify';
import type { Config } from '../../src/config.js';
import { createInstallationStore } from './installation-store.js';

/** What pacebot asks a workspace for (platforms.md §1.8). */
export const SLACK_BOT_SCOPES = [
  'app_mentions:read',
  // Digests, prompts and reminders: history to look a crashed send up, and to hear replies in a
  // prompt's thread; im:write to open a lead's DM (jobs/, adapters/slack/slack-notifier.ts).
  'channels:history',
  'chat:write',
  'commands',
  'files:read',
  'files:write',
  'groups:history',
  'im:history',
  'im:write',
  'users:read',
  // Adding a colleague by work e-mail (users.lookupByEmail), only for people commands.
  'users:read.email',
];

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * Multi-workspace installs: Bolt's own InstallProvider (state signed with SLACK_STATE_SECRET and
 * bound to the browser by a cookie), with installations kept in MongoDB.
 */
export function createInstaller(
  config: Config,
  db: Db,
  logger: BoltLogger,
  clientOptions: webApi.WebClientOptions,
) {
  const store = createInstallationStore(db);
  const installer = new InstallProvider({
    clientId: config.SLACK_CLIENT_ID!,
    clientSecret: config.SLACK_CLIENT_SECRET!,
    stateSecret: config.SLACK_STATE_SECRET!,
    installationStore: store,
    directInstall: true,
    logger,
    clientOptions,
    installUrlOptions: {
      scopes: SLACK_BOT_SCOPES,
      ...(config.PUBLIC_URL && { redirectUri: new URL(REDIRECT_PATH, config.PUBLIC_URL).toString() }),
    },
  });
  return { installer, store };
}

/** `GET /slack/install` sends the browser to Slack; `GET /slack/oauth_redirect` finishes it. */
export function registerOAuthRoutes(server: Server, installer: InstallProvider): void {
  server.get(INSTALL_PATH, async (req, res) => {
    await installer.handleInstallPath(req, res);
  });
  server.get(REDIRECT_PATH, async (req, res) => {
    await installer.handleCallback(req, res);
  });
}
