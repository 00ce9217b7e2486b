import { LIST_LINES } from '../../../programme/alerts/drift-lines.js';

/**
 * Lines as messages of at most LIST_LINES, each under its heading (given the lines' place in all):
 * how `alerts`, `overdue`, `waiting at` and `my cases` name every child and still read on a phone.
 */
export function pagesOf(lines: readonly string[], heading: (from: number, to: number) => string): string[] {
  const pages: string[] = [];
  for (let at = 0; at < lines.length; at += LIST_LINES) {
    const page = lines.slice(at, at + LIST_LINES);
    pages.push([heading(at + 1, at + page.length), ...page].join('\n'));
  }
  return pages;
}

/** " (16–30 of 33)" on a page of a list longer than one message, else nothing. */
export const placeIn = (total: number, from: number, to: number) => (total > LIST_LINES ? ` (${from}–${to} of ${total})` : '');
