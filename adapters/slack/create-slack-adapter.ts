import {
  App,
  type Authorize,
  type InstallationQuery,
  type Receiver,
  SocketModeReceiver,
  webApi,
} from '@slack/bolt';
import type { InstallProvider } from '@slack/oauth';
import type { AppParts } from '../../src/app.js';
import { ConfigError } from '../../src/errors.js';
import type { RouteRegistrar } from '../../src/server.js';
import { outboundFor } from '../../src/outbound/outbound.js';
import { boltLogger } from './bolt-logger.js';
import { registerErrorBoundary, slackTurnFailure } from './error-boundary.js';
import { createBusyNotices } from './busy-notice.js';
import { registerHomeListener } from './home-listener.js';
import { createInstaller, registerOAuthRoutes } from './oauth-routes.js';
import { createEventClaim } from '../../src/store/processed-events.js';
import { RestifyReceiver } from './restify-receiver.js';
import { slackClientOptions } from './slack-client-options.js';
import { registerTurnListeners } from './turn-listeners.js';
import { registerUninstallListeners } from './uninstall-listeners.js';
import { createUserNames } from './user-names.js';

export interface SlackAdapter {
  app: App;
  /** Our restify receiver, or Bolt's Socket Mode receiver when SLACK_APP_TOKEN is set. */
  receiver: Receiver;
  /** Adds the Slack routes to the shared server (and, in Socket Mode, connects when it listens). */
  register: RouteRegistrar;
}

/**
 * Slack, wired: a Bolt App behind our restify receiver (or Socket Mode with SLACK_APP_TOKEN),
 * authorised by SLACK_BOT_TOKEN (one workspace) or by OAuth installations in MongoDB (many).
 */
export function createSlackAdapter(parts: AppParts): SlackAdapter {
  const { config, logger, store, conversation } = parts;
  const signingSecret = config.SLACK_SIGNING_SECRET;
  const multiWorkspace = Boolean(config.SLACK_CLIENT_ID);
  if (!signingSecret || (!config.SLACK_BOT_TOKEN && !multiWorkspace)) {
    throw new ConfigError([
      'SLACK_BOT_TOKEN: Slack needs a bot token (one workspace) or SLACK_CLIENT_ID, ' +
        'SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth, many workspaces)',
    ]);
  }
  const slackLogger = boltLogger(logger);
  // Every Web API call (replies, look-ups, uploads, the OAuth exchange) goes through the shared
  // outbound gate: timeout, retries honouring Retry-After, per-workspace and per-person limits.
  const clientOptions = slackClientOptions(outboundFor(config, logger), config.SLACK_API_URL, {
    repeatable: true,
  });
  const oauth = multiWorkspace
    ? createInstaller(config, store.db, slackLogger, clientOptions)
    : undefined;
  const receiver = config.SLACK_APP_TOKEN
    ? new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN, logger: slackLogger })
    : new RestifyReceiver({ signingSecret, logger: slackLogger, acking: () => parts.turns.acking() });
  const app = new App({
    receiver,
    logger: slackLogger,
    clientOptions,
    // Bolt's conversation store lives in process memory; another instance could not see it.
    convoStore: false,
    extendedErrorHandler: true,
    ...(oauth ? { authorize: authorizeWith(oauth.installer) } : { token: config.SLACK_BOT_TOKEN }),
  });

  const failed = slackTurnFailure(logger, (token) => new webApi.WebClient(token, clientOptions));
  registerErrorBoundary(app, failed);
  const claim = createEventClaim(store.db, 'slack');
  const tellBusy = createBusyNotices(logger);
  registerTurnListeners(app, { conversation, logger, claim, userNames: createUserNames(), turns: parts.turns, tellBusy, failed });
  registerHomeListener(app, conversation, parts.turns);
  if (oauth) registerUninstallListeners(app, oauth.store.deleteInstallation, logger);

  return {
    app,
    receiver,
    register(server) {
      if (receiver instanceof RestifyReceiver) receiver.register(server);
      else {
        // Socket Mode opens its own WebSocket to Slack; tie it to the server's life.
        const failed = (error: unknown) => logger.error({ err: error }, 'slack socket mode failed');
        server.server.once('listening', () => void app.start().catch(failed));
        server.server.once('close', () => void app.stop().catch(() => {}));
      }
      if (oauth) registerOAuthRoutes(server, oauth.installer);
    },
  };
}

/** Bolt asks for a token per request; the InstallProvider finds it among the stored installations. */
function authorizeWith(installer: InstallProvider): Authorize<boolean> {
  return (source) => installer.authorize(source as InstallationQuery<boolean>);
}
