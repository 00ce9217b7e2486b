/**
 * The one parser of the markdown subset that card text may use (see `CardSection.text`):
 * *bold* (or **bold**), _italic_, `code`, [text](url), and bullet lines starting with "- ".
 * Each renderer walks the tree this returns, so no renderer ever passes raw user text through
 * another platform's markup rules. Text people typed reaches this parser through `plain()`, so it
 * can only ever be a text node, which every renderer shows literally (cards/plain-text.ts).
 */

import { restorePlain } from './plain-text.js';

export type MdInline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; children: MdInline[] }
  | { kind: 'italic'; children: MdInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; url: string };

export type MdBlock =
  | { kind: 'paragraph'; lines: MdInline[][] }
  | { kind: 'list'; items: MdInline[][] };

const BULLET = /^\s*[-•*]\s+(.*)$/;
const LINK = /^\[([^\]\n]+)\]\(([^)\s]+)\)/;
// Only these schemes become links: anything else (javascript:, data:) would be a script hole in HTML.
const SAFE_URL = /^(https?:\/\/|mailto:)/i;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function parseMarkdownSubset(source: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  // Consecutive lines of one kind share a block; a blank line ends it.
  let open: MdBlock | undefined;
  for (const line of source.split(/\r?\n/)) {
    const bullet = BULLET.exec(line);
    if (line.trim() === '') {
      open = undefined;
      continue;
    }
    const inline = parseInline((bullet ? bullet[1]! : line).trim());
    if (bullet && open?.kind === 'list') open.items.push(inline);
    else if (!bullet && open?.kind === 'paragraph') open.lines.push(inline);
    else {
      open = bullet ? { kind: 'list', items: [inline] } : { kind: 'paragraph', lines: [inline] };
      blocks.push(open);
    }
  }
  return blocks;
}

const SPECIAL = /[`[*_]/g;

export function parseInline(text: string): MdInline[] {
  const nodes: MdInline[] = [];
  const pushText = (value: string) => {
    const last = nodes.at(-1);
    if (last?.kind === 'text') last.text += value;
    else if (value) nodes.push({ kind: 'text', text: value });
  };
  let i = 0;
  while (i < text.length) {
    // Jump over ordinary characters: only `, [, * and _ can start a span.
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(text)?.index ?? text.length;
    pushText(text.slice(i, next));
    if (next >= text.length) break;
    const span = matchSpan(text, next);
    if (span?.node.kind === 'text') pushText(span.node.text);
    else if (span) nodes.push(span.node);
    else pushText(text[next]!);
    i = span ? span.end : next + 1;
  }
  return nodes;
}

function matchSpan(text: string, i: number): { node: MdInline; end: number } | undefined {
  const ch = text[i];
  if (ch === '`') {
    const close = text.indexOf('`', i + 1);
    return close > i + 1
      ? { node: { kind: 'code', text: text.slice(i + 1, close) }, end: close + 1 }
      : undefined;
  }
  if (ch === '[') {
    const link = LINK.exec(text.slice(i));
    if (!link) return undefined;
    const [whole, label, url] = link as unknown as [string, string, string];
    const node: MdInline = SAFE_URL.test(url)
      ? { kind: 'link', text: label, url }
      : { kind: 'text', text: label };
    return { node, end: i + whole.length };
  }
  if (ch === '*' || ch === '_') {
    const marker = ch === '*' && text.startsWith('**', i) ? '**' : ch;
    const close = findClose(text, i, marker);
    if (close === undefined) return undefined;
    const children = parseInline(text.slice(i + marker.length, close));
    const node: MdInline = ch === '*' ? { kind: 'bold', children } : { kind: 'italic', children };
    return { node, end: close + marker.length };
  }
  return undefined;
}

/** Emphasis opens before a non-space, not inside a word (snake_case stays), and closes likewise. */
function findClose(text: string, open: number, marker: string): number | undefined {
  const start = open + marker.length;
  if (open > 0 && WORD_CHAR.test(text[open - 1]!)) return undefined;
  if (start >= text.length || /\s/.test(text[start]!)) return undefined;
  for (let j = text.indexOf(marker, start + 1); j !== -1; j = text.indexOf(marker, j + 1)) {
    const after = text[j + marker.length];
    if (!/\s/.test(text[j - 1]!) && (after === undefined || !WORD_CHAR.test(after))) return j;
  }
  return undefined;
}

/** How one output format spells each piece of the subset; `renderMarkdownBlocks` does the walking. */
export interface MdRenderer {
  text(text: string): string;
  bold(inner: string): string;
  italic(inner: string): string;
  code(text: string): string;
  link(text: string, url: string): string;
  paragraph(lines: string[]): string;
  list(items: string[]): string;
}

/** The source rendered with `renderer`, one string per paragraph or list. */
export function renderMarkdownBlocks(source: string, renderer: MdRenderer): string[] {
  const inline = (nodes: MdInline[]): string =>
    nodes
      .map((node) => {
        switch (node.kind) {
          case 'bold':
            return renderer.bold(inline(node.children));
          case 'italic':
            return renderer.italic(inline(node.children));
          case 'code':
            return renderer.code(node.text);
          case 'link':
            return renderer.link(node.text, node.url);
          default:
            return renderer.text(node.text);
        }
      })
      .join('');
  return parseMarkdownSubset(source).map((block) =>
    block.kind === 'list'
      ? renderer.list(block.items.map(inline))
      : renderer.paragraph(block.lines.map(inline)),
  );
}

const identity = (text: string) => text;

const PLAIN: MdRenderer = {
  text: restorePlain,
  bold: identity,
  italic: identity,
  code: restorePlain,
  link: (text, url) => `${restorePlain(text)} (${url})`,
  paragraph: (lines) => lines.join('\n'),
  list: (items) => items.map((item) => `- ${item}`).join('\n'),
};

/** The text with its markup removed; lists keep a "- " per item. For notification fallbacks. */
export function markdownToPlainText(source: string): string {
  return renderMarkdownBlocks(source, PLAIN).join('\n\n');
}
