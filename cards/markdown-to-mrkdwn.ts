import { type MdRenderer, renderMarkdownBlocks } from './markdown-subset.js';

/**
 * Slack treats &, < and > as control characters in every text field, so user text must carry them
 * as entities (docs.slack.dev/messaging/formatting-message-text, "Escaping text").
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const MRKDWN: MdRenderer = {
  text: escapeMrkdwn,
  bold: (inner) => `*${inner}*`,
  italic: (inner) => `_${inner}_`,
  code: (text) => `\`${escapeMrkdwn(text)}\``,
  // "|" would end the URL part of <url|text> early.
  link: (text, url) => `<${escapeMrkdwn(url).replace(/\|/g, '%7C')}|${escapeMrkdwn(text)}>`,
  paragraph: (lines) => lines.join('\n'),
  list: (items) => items.map((item) => `• ${item}`).join('\n'),
};

/** Card markdown as Slack mrkdwn: *bold*, _italic_, `code`, <url|text>, "•" bullets; text escaped. */
export function markdownToMrkdwn(source: string): string {
  return renderMarkdownBlocks(source, MRKDWN).join('\n\n');
}
