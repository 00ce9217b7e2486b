import { escapeHtml } from './html-escape.js';
import { type MdRenderer, renderMarkdownBlocks } from './markdown-subset.js';

/**
 * A test of change's number ("T-7") and a case reference with a separator ("FB-1042", "SW/1042")
 * kept on one line: a phone broke them after the hyphen or slash ("FB-" / "1042"). Wrapped rather
 * than given a non-breaking hyphen, so they copy back as people type them.
 */
const WHOLE_TOKENS = /(?<![\w/.-])(?:T-\d+|[A-Za-z]{1,4}[-/_.]\d{3,8})(?![\w/-]|\.\d)/g;
const keepTestNumbersWhole = (escaped: string) => escaped.replace(WHOLE_TOKENS, (id) => `<span class="nowrap">${id}</span>`);

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
