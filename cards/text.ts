import { markdownToPlainText } from './markdown-subset.js';
import type { Card } from './model.js';
import { restorePlain } from './plain-text.js';

/** What every renderer says where it had to leave content out to fit a platform limit. */
export const MORE_NOTE = '…more in the web view';

/** Cuts `text` to at most `max` characters (UTF-16 units), ending in "…", preferring a word break. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A word break only if it keeps most of the text; otherwise a hard cut reads better than a stub.
  const end = space > max * 0.6 ? space : cut.length;
  return `${stripLoneSurrogate(cut.slice(0, end)).trimEnd()}…`;
}

/** Never leave half an emoji (a high surrogate) at the end of a cut. */
function stripLoneSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/** Plain summary of a card: title, subtitle and facts, one per line. Notification and fallback text. */
export function plainSummary(card: Card): string {
  const lines = [card.title];
  if (card.subtitle) lines.push(card.subtitle);
  for (const fact of card.facts ?? [])
    lines.push(`${fact.label}: ${markdownToPlainText(fact.value)}`);
  return restorePlain(lines.join('\n'));
}

/**
 * Splits text into pieces of at most `max` characters, at paragraph breaks, then line breaks, then
 * spaces, so a long section becomes several blocks rather than one that a platform rejects.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const at = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find(
      (index) => index > max / 2,
    );
    const end = at ?? max;
    pieces.push(stripLoneSurrogate(rest.slice(0, end)).trimEnd());
    rest = rest.slice(end).replace(/^\s+/, '');
    if (pieces.at(-1) === '') pieces.pop();
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces;
}
