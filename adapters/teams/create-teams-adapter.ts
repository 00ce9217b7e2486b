import {
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { outboundFor } from '../../src/outbound/outbound.js';
import { botAuthOptions } from './auth-options.js';
import { boundedCredentials } from './bounded-credentials.js';
import { connectorClientOptions } from './connector-http-client.js';
import { teamsErrorBoundary } from './error-boundary.js';
import { TeamsCloudAdapter } from './teams-cloud-adapter.js';

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
  /**
   * Whether a send that timed out or met a 5xx is sent again (default true: a reply someone waits for
   * is worth a rare duplicate). Jobs pass false: a delivery reports an interrupted send, never repeats it.
   */
  repeatSends?: boolean;
}

/** The CloudAdapter for /api/messages and proactive sends, with pacebot's error boundary. */
export function createTeamsAdapter(
  config: Readonly<Config>,
  logger: Logger,
  options: TeamsAdapterOptions = {},
): TeamsCloudAdapter {
  // Every Bot Connector call goes through the outbound gate (timeouts, Retry-After, per-conversation limit).
  const outbound = outboundFor(config, logger);
  const authOptions = botAuthOptions(config);
  // botbuilder's own default factory, with its token fetch bounded by one call's budget of tries.
  const credentials = boundedCredentials(
    options.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(authOptions),
    outbound.policy.timeoutMs * outbound.policy.attempts,
    logger,
  );
  const auth = new ConfigurationBotFrameworkAuthentication(
    authOptions,
    credentials,
    undefined,
    undefined,
    connectorClientOptions(outbound, { repeatable: options.repeatSends ?? true }),
  );
  const adapter = new TeamsCloudAdapter(auth);
  adapter.onTurnError = teamsErrorBoundary(logger);
  return adapter;
}
