import { restorePlain } from './plain-text.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML content and for attribute values in either kind of quotes. Characters that
 * `plain()` stood in for come back first, so text people typed shows exactly as typed.
 */
export function escapeHtml(text: string): string {
  return restorePlain(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
