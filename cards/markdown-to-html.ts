import { escapeHtml } from './html-escape.js';
import { type MdRenderer, renderMarkdownBlocks } from './markdown-subset.js';

/**
 * A test of change's number ("T-7") kept on one line: a phone broke it after the hyphen ("T-" / "7").
 * Wrapped rather than given a non-breaking hyphen, so it copies back as the T-7 people type.
 */
const keepTestNumbersWhole = (escaped: string) => escaped.replace(/\bT-\d+\b/g, (id) => `<span class="nowrap">${id}</span>`);

const HTML: MdRenderer = {
  text: (text) => keepTestNumbersWhole(escapeHtml(text)),
  bold: (inner) => `<strong>${inner}</strong>`,
  italic: (inner) => `<em>${inner}</em>`,
  code: (text) => `<code>${escapeHtml(text)}</code>`,
  link: (text, url) =>
    `<a href="${escapeHtml(url)}" rel="noopener noreferrer" target="_blank">${escapeHtml(text)}</a>`,
  paragraph: (lines) => `<p>${lines.join('<br>')}</p>`,
  list: (items) => `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`,
};

/**
 * Card markdown as HTML: paragraphs (lines kept with <br>), <ul> lists, <strong>, <em>, <code>
 * and links. Every piece of text is escaped; link URLs are http(s)/mailto only (the parser checks).
 */
export function markdownToHtml(source: string): string {
  return renderMarkdownBlocks(source, HTML).join('');
}
