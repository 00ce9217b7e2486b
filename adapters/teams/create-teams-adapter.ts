import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { botAuthOptions } from './auth-options.js';
import { teamsErrorBoundary } from './error-boundary.js';

/** botframework-connector's factory type; botbuilder does not re-export it by name. */
type CredentialsFactory = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]
>;

export interface TeamsAdapterOptions {
  /**
   * Outbound credentials. Default: client secret (or MSI) from the conventional variables. Tests pass
   * one that yields anonymous credentials so replies reach the loopback connector without an Entra
   * token — MSAL only talks to https authorities (platforms.md §3.2 mode B).
   */
  credentialsFactory?: CredentialsFactory;
}

/** The CloudAdapter for /api/messages and proactive sends, with pacebot's error boundary. */
export function createTeamsAdapter(
  config: Readonly<Config>,
  logger: Logger,
  options: TeamsAdapterOptions = {},
): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    botAuthOptions(config),
    options.credentialsFactory,
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = teamsErrorBoundary(logger);
  return adapter;
}
