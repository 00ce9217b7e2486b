import { type MdInline, parseMarkdownSubset } from '../../cards/markdown-subset.js';

/**
 * Our markdown subset (*bold*, _italic_, `code`, links, "- " lists) as Teams message markdown, where
 * a single * means italic, so bold must become **…**. Plain text is escaped so a user's own asterisks
 * or angle brackets (Teams reads <at> tags) cannot turn into formatting.
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
          return `\`${node.text.replace(/`/g, "'")}\``;
        case 'link':
          return `[${escapeMarkdown(node.text)}](${node.url})`;
        default:
          return escapeMarkdown(node.text);
      }
    })
    .join('');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_`[\]])/g, '\\$1').replace(/</g, '&lt;');
}
