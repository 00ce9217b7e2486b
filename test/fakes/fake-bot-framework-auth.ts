import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey } from 'jose';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** Tokens an attacker could send: none of them may be accepted. */
export type Forgery = 'unknown-key' | 'alg-none' | 'hs256-with-public-key' | 'not-yet-valid';

export interface TokenClaims {
  aud: string;
  serviceUrl: string;
  iss?: string;
  /** Seconds from now; negative for an expired token. Default 3600. */
  expiresIn?: number;
}

/**
 * The Bot Connector's side of JWT auth, on loopback (platforms.md §3.2 mode B): an OpenID document
 * and a JWKS with one RSA key endorsed for `msteams`, and tokens signed with that key.
 */
export class FakeBotFrameworkAuth {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly kid: string,
    readonly openIdUrl: string,
  ) {}

  static async start(): Promise<FakeBotFrameworkAuth> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = 'fake-connector-key';
    const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', endorsements: ['msteams'] };
    let base = '';
    const server = createServer((req, res) => {
      const body =
        req.url === '/v1/.well-known/openidconfiguration'
          ? {
              issuer: BOT_FRAMEWORK_ISSUER,
              jwks_uri: `${base}/v1/.well-known/keys`,
              id_token_signing_alg_values_supported: ['RS256'],
            }
          : req.url === '/v1/.well-known/keys'
            ? { keys: [jwk] }
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? { error: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new FakeBotFrameworkAuth(
      server,
      privateKey,
      publicKey,
      kid,
      `${base}/v1/.well-known/openidconfiguration`,
    );
  }

  /** A token as the Bot Connector sends it in `Authorization: Bearer …`. */
  token(claims: TokenClaims): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: claims.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? BOT_FRAMEWORK_ISSUER)
      .setAudience(claims.aud)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(this.privateKey);
  }

  /**
   * A token with the right claims that the connector never issued: signed by a key the JWKS does
   * not list, unsigned (`alg: none`), HMAC-signed with the public key as the secret (the classic
   * algorithm confusion), or signed properly but valid only from an hour from now.
   */
  async forged(kind: Forgery, claims: TokenClaims): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const body = { serviceurl: claims.serviceUrl };
    const fill = <T extends SignJWT | UnsecuredJWT>(jwt: T, from = now - 60): T =>
      jwt
        .setIssuer(claims.iss ?? BOT_FRAMEWORK_ISSUER)
        .setAudience(claims.aud)
        .setIssuedAt(from)
        .setNotBefore(from)
        .setExpirationTime(from + 3600) as T;
    switch (kind) {
      case 'unknown-key': {
        const attacker = await generateKeyPair('RS256');
        const jwt = new SignJWT(body).setProtectedHeader({ alg: 'RS256', kid: 'attacker-key', typ: 'JWT' });
        return fill(jwt).sign(attacker.privateKey);
      }
      case 'alg-none':
        return fill(new UnsecuredJWT(body)).encode();
      case 'hs256-with-public-key': {
        const secret = new TextEncoder().encode(await exportSPKI(this.publicKey));
        const jwt = new SignJWT(body).setProtectedHeader({ alg: 'HS256', kid: this.kid, typ: 'JWT' });
        return fill(jwt).sign(secret);
      }
      case 'not-yet-valid': {
        const jwt = new SignJWT(body).setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' });
        return fill(jwt, now + 3600).sign(this.privateKey);
      }
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Inbound checks stay on (the app id is real), but replies go out without an Entra token: MSAL only
 * talks to https authorities, so a loopback login fake is impossible (platforms.md §3.2).
 */
export class NoTokenCredentialsFactory extends ConfigurationServiceClientCredentialFactory {
  private readonly anonymous = new ConfigurationServiceClientCredentialFactory({});

  constructor(appId: string) {
    super({ MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used' });
  }

  override createCredentials(
    ...args: Parameters<ConfigurationServiceClientCredentialFactory['createCredentials']>
  ) {
    return this.anonymous.createCredentials(...args);
  }
}
