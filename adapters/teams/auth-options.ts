import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from '../../src/config.js';

/** Public-cloud values from botframework-connector `AuthenticationConstants` (4.23). */
const PUBLIC_CLOUD = {
  ToBotFromChannelOpenIdMetadataUrl:
    'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
  LoginUrl: 'https://login.microsoftonline.com',
} as const;

type TeamsAuthConfig = Pick<
  Config,
  | 'MicrosoftAppId'
  | 'MicrosoftAppPassword'
  | 'MicrosoftAppType'
  | 'MicrosoftAppTenantId'
  | 'BOTFRAMEWORK_OPENID_METADATA_URL'
  | 'BOTFRAMEWORK_LOGIN_URL'
>;

/**
 * The options for `ConfigurationBotFrameworkAuthentication`, from the conventional variables.
 * Setting any one endpoint makes botbuilder "fully parameterised" (BotFrameworkAuthenticationFactory),
 * so when an endpoint is overridden every other public-cloud value is spelt out too — otherwise the
 * issuer check has nothing to compare with and every request fails (platforms.md §3.2 mode B).
 */
export function botAuthOptions(
  config: TeamsAuthConfig,
): ConfigurationBotFrameworkAuthenticationOptions {
  const credentials = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    ...(config.MicrosoftAppType && { MicrosoftAppType: config.MicrosoftAppType }),
    ...(config.MicrosoftAppTenantId && { MicrosoftAppTenantId: config.MicrosoftAppTenantId }),
  };
  if (!config.BOTFRAMEWORK_OPENID_METADATA_URL && !config.BOTFRAMEWORK_LOGIN_URL)
    return credentials;
  const loginBase = (config.BOTFRAMEWORK_LOGIN_URL ?? PUBLIC_CLOUD.LoginUrl).replace(/\/+$/, '');
  const authority =
    config.MicrosoftAppType === 'SingleTenant' ? config.MicrosoftAppTenantId : 'botframework.com';
  return {
    ...credentials,
    ToBotFromChannelOpenIdMetadataUrl:
      config.BOTFRAMEWORK_OPENID_METADATA_URL ?? PUBLIC_CLOUD.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: PUBLIC_CLOUD.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: PUBLIC_CLOUD.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotOAuthScope: PUBLIC_CLOUD.ToChannelFromBotOAuthScope,
    ToChannelFromBotLoginUrl: `${loginBase}/${authority}`,
    OAuthUrl: PUBLIC_CLOUD.OAuthUrl,
    CallerId: PUBLIC_CLOUD.CallerId,
    ValidateAuthority: true,
  };
}
