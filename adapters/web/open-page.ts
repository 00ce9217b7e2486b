import { createHash } from 'node:crypto';
import { ValidationError } from '../../src/errors.js';

/** The page's form field: the file's bytes in base64, as the download link carries them. */
export const OPEN_PAGE_FIELD = 'page';
/** A meeting pack with a chart per group is a few MB; more than this is not from the chat. */
export const MAX_OPEN_PAGE_BYTES = 24 * 1024 * 1024;

/**
 * A web page the bot made (the meeting pack), posted back by the chat's "Open the page" and served
 * as a page of its own. Its answer carries its own policy, not the chat's: the chat allows no
 * inline style, and a page opened from the chat (a blob: address) would inherit that policy and
 * show unstyled, its charts wider than a phone. Returns the HTML and its headers.
 */
export function openedPage(body: Buffer): { html: string; headers: Record<string, string> } {
  const base64 = new URLSearchParams(body.toString('latin1')).get(OPEN_PAGE_FIELD) ?? '';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw new ValidationError('page_not_readable', 'That page could not be opened. Use its Download link instead.');
  }
  const html = Buffer.from(base64, 'base64').toString('utf8');
  return { html, headers: { 'content-type': 'text/html; charset=utf-8', ...pageHeaders(html) } };
}

/**
 * The page's own policy: its <style> elements by hash and its inline images, nothing else. No
 * script at all, and `sandbox` gives it an opaque origin, so whatever the HTML holds, it can reach
 * neither the chat nor the chat's requests.
 */
function pageHeaders(html: string): Record<string, string> {
  // The browser hashes each style element's text after the parser turned CR LF into LF.
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`,
  );
  return {
    'content-security-policy': [
      "default-src 'none'",
      `style-src ${styles.length > 0 ? styles.join(' ') : "'none'"}`,
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
      'sandbox',
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The pack names the programme and may count children: keep it out of every cache.
    'cache-control': 'no-store',
  };
}
