import { escapeAdaptive } from './adaptive-text.js';
import type { AcElement } from './adaptive-card-types.js';
import { type MdRenderer, renderMarkdownBlocks } from './markdown-subset.js';

/**
 * Teams renders **bold**, _italic_, [text](url) and "- " lists in a TextBlock but has no code span,
 * so code stays plain. List items are separated by "\r" and lines by "\n\n", as Teams'
 * cards-format.md prescribes. Every piece of text is shown literally (`escapeAdaptive`).
 */
const ADAPTIVE: MdRenderer = {
  text: escapeAdaptive,
  bold: (inner) => `**${inner}**`,
  italic: (inner) => `_${inner}_`,
  code: escapeAdaptive,
  link: (text, url) => `[${escapeAdaptive(text).replace(/[[\]]/g, '')}](${url})`,
  paragraph: (lines) => lines.join('\n\n'),
  list: (items) => items.map((item) => `- ${item}`).join('\r'),
};

/** Card markdown as Adaptive Card TextBlocks, one per paragraph or list. */
export function markdownToTextBlocks(source: string): AcElement[] {
  return renderMarkdownBlocks(source, ADAPTIVE).map((text) => ({
    type: 'TextBlock',
    text,
    wrap: true,
  }));
}

/** Card markdown as one Adaptive Card markdown string, for a FactSet value (read as markdown too). */
export function markdownToAdaptiveText(source: string): string {
  return renderMarkdownBlocks(source, ADAPTIVE).join('\n\n');
}
