import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Logger } from '../../src/log.js';
import { OutboundError } from '../../src/outbound/outbound.js';

/** botframework-connector's factory type; botbuilder does not re-export it by name. */
type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;

/**
 * Credentials whose token fetch is bounded. Before each Bot Connector call botbuilder signs the
 * request, and signing may first fetch an Entra token through MSAL — outside the connector's HTTP
 * client, so outside the outbound gate. A hung login endpoint would hold every send of every
 * tenant; here the signing gives up after `budgetMs` (MSAL keeps the token cache and waits out
 * Entra's own Retry-After, so the next send simply asks again).
 */
export function boundedCredentials(inner: CredentialsFactory, budgetMs: number, logger?: Logger): CredentialsFactory {
  const bounded = <T>(work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        logger?.warn({ code: 'outbound_timeout', call: 'teams token', elapsedMs: budgetMs }, 'outbound call failed');
        reject(new OutboundError('outbound_timeout', 1, undefined));
      }, budgetMs);
      timer.unref();
    });
    return Promise.race([work, expired]).finally(() => clearTimeout(timer));
  };
  return {
    isValidAppId: (appId) => inner.isValidAppId(appId),
    isAuthenticationDisabled: () => inner.isAuthenticationDisabled(),
    async createCredentials(appId, audience, loginEndpoint, validateAuthority) {
      const credentials = await inner.createCredentials(appId, audience, loginEndpoint, validateAuthority);
      return new Proxy(credentials, {
        get(target, property, receiver) {
          if (property !== 'signRequest') return Reflect.get(target, property, receiver);
          return (request: Parameters<Credentials['signRequest']>[0]) => bounded(target.signRequest(request));
        },
      });
    },
  };
}
