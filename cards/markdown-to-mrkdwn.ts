import { type MdRenderer, renderMarkdownBlocks } from './markdown-subset.js';
import { restorePlain } from './plain-text.js';

/**
 * Slack has no escape for its formatting characters (docs.slack.dev/messaging/formatting-message-text
 * only lists &, < and >), so a literal one is shown with a lookalike that Slack does not read as
 * markup, as jsx-slack's <Escape> does: ∗ (U+2217) for *, ˍ (U+02CD) for _, ˋ (U+02CB) for `,
 * ∼ (U+223C) for ~, and the same for their fullwidth forms, which Slack also reads. Slack reads
 * * and _ only at the edge of a word, so inside one (not_in_channel, 2*3) they stay as they are.
 */
const LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ['*', '\u2217'],
  ['_', '\u02CD'],
  ['`', '\u02CB'],
  ['~', '\u223C'],
  ['\uFF0A', '\uFE61'],
  ['\uFF3F', '\u2E0F'],
  ['\uFF40', '\u02CB'],
  ['\uFF5E', '\u223C'],
]);
const FORMATTING = /[*_`~\uFF0A\uFF3F\uFF40\uFF5E]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A * or _ with a letter or digit on both sides, which Slack never reads as a marker. */
function insideWord(char: string, at: number, text: string): boolean {
  return (char === '*' || char === '_') && WORD_CHAR.test(text[at - 1] ?? '') && WORD_CHAR.test(text[at + 1] ?? '');
}
// "> " (sent as &gt;) or "＞" at the start of a line makes a quote; an invisible soft hyphen before it does not.
const LINE_START_QUOTE = /^(\s*)(&gt;|\uFF1E)/gm;
// Broadcast words are only parsed as mentions when Slack pre-processes text; a word joiner stops that too.
const BROADCAST = /@(?=(?:channel|here|everyone)\b)/gi;

/** Slack's control characters as entities (docs "Escaping text"), so no <link>, <@mention> or <!channel>. */
function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text shown literally in mrkdwn: no links, mentions, quotes or formatting, whatever it holds. Used
 * for every text node of the markdown subset and every plain field (titles, labels, fallback text).
 */
export function escapeMrkdwn(text: string): string {
  return escapeControl(restorePlain(text))
    .replace(FORMATTING, (char, at: number, text: string) =>
      insideWord(char, at, text) ? char : LOOKALIKES.get(char)!,
    )
    .replace(LINE_START_QUOTE, '$1\u00AD$2')
    .replace(BROADCAST, '@\u2060');
}

const MRKDWN: MdRenderer = {
  text: escapeMrkdwn,
  bold: (inner) => `*${inner}*`,
  italic: (inner) => `_${inner}_`,
  // Nothing is formatted inside a code span, but a backtick would end it.
  code: (text) => `\`${escapeControl(restorePlain(text)).replace(/`/g, '\u02CB')}\``,
  // "|" would end the URL part of <url|text> early.
  link: (text, url) => `<${escapeControl(url).replace(/\|/g, '%7C')}|${escapeMrkdwn(text)}>`,
  paragraph: (lines) => lines.join('\n'),
  list: (items) => items.map((item) => `• ${item}`).join('\n'),
};

/** Card markdown as Slack mrkdwn: *bold*, _italic_, `code`, <url|text>, "•" bullets; text escaped. */
export function markdownToMrkdwn(source: string): string {
  return renderMarkdownBlocks(source, MRKDWN).join('\n\n');
}
