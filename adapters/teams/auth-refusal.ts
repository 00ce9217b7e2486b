/** How the route answers a request whose Bot Framework token was not accepted. */
export interface AuthRefusal {
  status: 401 | 503;
  body: { code: string; message: string };
  level: 'warn' | 'error';
  code: string;
  /** A fixed word for the log line: never the library's text, which may quote the token's claims. */
  reason: string;
  log: string;
}

const UNAUTHORIZED = {
  code: 'unauthorized',
  message: 'This endpoint needs a valid Bot Framework token.',
} as const;

/**
 * Classifies what the JWT check threw. Anything a caller can send (no token, a token signed by an
 * unknown key, `alg: none`, HS256, expired, not yet valid, for another bot or service URL) is a 401
 * with the same body. Only our side failing to fetch the signing keys (the library's
 * AuthenticationError with status 500) is a 503, so the Bot Connector tries again.
 */
export function authRefusal(error: unknown, authHeader: string): AuthRefusal {
  const { statusCode } = error as { statusCode?: unknown };
  if (statusCode === 500) {
    return {
      status: 503,
      body: { code: 'auth_unavailable', message: 'Cannot check Bot Framework tokens right now.' },
      level: 'error',
      code: 'teams_auth_keys_unavailable',
      reason: 'signing_keys_unavailable',
      log: 'Teams request not checked: signing keys unavailable',
    };
  }
  return {
    status: 401,
    body: UNAUTHORIZED,
    level: 'warn',
    code: 'teams_unauthorized',
    reason: authHeader.trim() === '' ? 'no_token' : reasonOf(error),
    log: 'Teams request refused: not authenticated',
  };
}

/** The libraries' error names and messages, reduced to a small fixed set of words. */
function reasonOf(error: unknown): string {
  const { name, message } = error as { name?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (name === 'NotBeforeError') return 'not_yet_valid';
  if (name === 'TokenExpiredError' || /expired/i.test(text)) return 'expired';
  if (/signing key/i.test(text)) return 'unknown_key';
  if (/algorithm/i.test(text)) return 'algorithm';
  if (/audience|appid/i.test(text)) return 'audience';
  if (/issuer/i.test(text)) return 'issuer';
  if (/endorsement/i.test(text)) return 'endorsement';
  if (/serviceurl/i.test(text)) return 'service_url';
  if (/signature/i.test(text)) return 'signature';
  return 'invalid_token';
}
