import type { Request } from 'restify';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

function hostName(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Whether a request comes from this computer and was addressed to it. The local chat has no login,
 * so it must not answer anyone else, even when HOST was set to listen more widely. The Host check
 * stops a web page from reaching it through DNS rebinding; the Origin check stops another site's
 * page from posting turns from the user's own browser.
 */
export function isLocalRequest(req: Request): boolean {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return false;
  const host = hostName(req.headers.host);
  if (!host || !LOOPBACK_HOSTS.has(host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  // A form the chat posts (its "Open the page") says "null": the chat's referrer policy is
  // no-referrer, which hides the origin of a form's POST. The browser's own Sec-Fetch-Site, which
  // no page can set, still tells the chat's form from another site's or a sandboxed page's.
  if (origin === 'null') return req.headers['sec-fetch-site'] === 'same-origin';
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
