import { type MdInline, parseMarkdownSubset } from '../../cards/markdown-subset.js';
import { restorePlain } from '../../cards/plain-text.js';

/**
 * Our markdown subset (*bold*, _italic_, `code`, links, "- " lists) as Teams message markdown, where
 * a single * means italic, so bold must become **…**. Every text node is shown literally: markdown
 * characters are backslash-escaped, "<" becomes &lt; (Teams reads <at> mentions and HTML), and the
 * markers of a list, heading or quote at the start of a line are escaped too.
 */
export function markdownToTeams(source: string): string {
  return parseMarkdownSubset(source)
    .map((block) =>
      block.kind === 'list'
        ? block.items.map((item) => `- ${inline(item)}`).join('\n')
        : block.lines.map(inline).join('\n\n'),
    )
    .join('\n\n');
}

function inline(nodes: MdInline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'bold':
          return `**${inline(node.children)}**`;
        case 'italic':
          return `_${inline(node.children)}_`;
        case 'code':
          // A backtick would end the span; a client without code spans still finds no "](" link.
          return `\`${escapeAngles(restorePlain(node.text)).replace(/`/g, "'").replace(/\]\(/g, ']\u200B(')}\``;
        case 'link':
          return `[${escapeMarkdown(node.text)}](${node.url})`;
        default:
          return escapeMarkdown(node.text);
      }
    })
    .join('');
}

/** "<" as an entity, and "&" where it would start one, so text shows as typed. */
function escapeAngles(text: string): string {
  return text.replace(/&(?=#?\w+;)/g, '&amp;').replace(/</g, '&lt;');
}

function escapeMarkdown(text: string): string {
  return (
    escapeAngles(restorePlain(text))
      .replace(/([\\*_`[\]~])/g, '\\$1')
      // A client that ignored the escapes would still find no "](" to make a link of.
      .replace(/\]\(/g, ']\u200B(')
      .replace(/^(\s*)([-+#>])/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
  );
}
