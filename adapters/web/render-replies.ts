import { randomUUID } from 'node:crypto';
import { escapeHtml as e } from '../../cards/html-escape.js';
import { markdownToHtml } from '../../cards/markdown-to-html.js';
import { markdownToPlainText } from '../../cards/markdown-subset.js';
import { toHtml } from '../../cards/to-html.js';
import type { Reply } from '../../src/conversation/turn.js';

/**
 * One reply as the page shows it. `replaces`: the card that was clicked is done with (its buttons go
 * quiet). `refused`: the turn was turned down and nothing saved, so a submitted form stays open.
 * `messages`: a form's field errors as text, set by the page as text (never as HTML).
 */
export interface RenderedReply {
  kind: Reply['kind'];
  html: string;
  replaces?: boolean;
  refused?: boolean;
  /** For form errors: each message, for the line the page shows where the person is looking. */
  messages?: string[];
}

/**
 * Replies as HTML for the local chat, rendered on the server so the page needs no card logic: text
 * through the markdown subset (everything escaped), cards and forms through `toHtml`, charts as
 * figures with their alt text, and form errors as the form again with each message by its field.
 */
export function renderReplies(replies: readonly Reply[]): RenderedReply[] {
  return replies.map((reply) => {
    // Each form on the page needs its own element ids; the log keeps every earlier reply.
    const idPrefix = `r${randomUUID().slice(0, 8)}-`;
    switch (reply.kind) {
      case 'text':
        return { kind: reply.kind, html: `<div class="bubble">${markdownToHtml(reply.text)}</div>`, ...(reply.refused ? { refused: true } : {}) };
      case 'card':
        return { kind: reply.kind, html: toHtml(reply.card, { idPrefix }), ...(reply.replaces ? { replaces: true } : {}) };
      case 'form':
        return { kind: reply.kind, html: toHtml(reply.card, { idPrefix }) };
      case 'form_errors': {
        // Messages are shown as text beside their fields: their markdown (a `command`, a *name*)
        // and plain()'s stand-ins become the words they stand for.
        const errors = Object.fromEntries(Object.entries(reply.errors).map(([field, message]) => [field, markdownToPlainText(message)]));
        return { kind: reply.kind, html: toHtml(reply.card, { errors, idPrefix }), messages: Object.values(errors) };
      }
      case 'image':
        return { kind: reply.kind, html: imageHtml(reply) };
      case 'file':
        return { kind: reply.kind, html: fileHtml(reply) };
    }
  });
}

function imageHtml(reply: Extract<Reply, { kind: 'image' }>): string {
  // The chart draws its own title; the caption names the figure for screen readers only. The image
  // sits in a button that opens it full size (public/lightbox.js): on a phone it is small to read.
  const caption = reply.title ? `<figcaption class="visually-hidden">${e(reply.title)}</figcaption>` : '';
  const name = reply.title ? `Open full size: ${reply.title}` : 'Open the chart full size';
  return (
    `<figure class="chart"><button type="button" class="chart-zoom" aria-label="${e(name)}">` +
    `<img src="data:image/png;base64,${reply.png.toString('base64')}" alt="${e(reply.alt)}"></button>` +
    `${caption}${tableHtml(reply.table)}</figure>`
  );
}

/** The chart's numbers, folded away under it: for reading the values, or a child's reference, exactly. */
function tableHtml(table: Extract<Reply, { kind: 'image' }>['table']): string {
  if (!table || table.rows.length === 0) return '';
  const head = table.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${row.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`).join('');
  // A wide table scrolls inside its own box, which shows a shadow on the side with more to see; as
  // a scrolling region it takes keyboard focus, so it can be scrolled without a pointer.
  return (
    '<details class="chart-table"><summary>The numbers</summary>' +
    '<div class="table-scroll" role="region" tabindex="0" aria-label="The numbers (scroll sideways for more)">' +
    `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></details>`
  );
}

/**
 * A file to keep (an export, the meeting pack) as a download link; the bytes travel in the link
 * itself. A web page (the pack's HTML) can also be opened in a new tab (public/lightbox.js makes it
 * a page of this origin's own, since browsers will not open a data: address as a page).
 */
function fileHtml(reply: Extract<Reply, { kind: 'file' }>): string {
  const href = `data:${reply.mimeType};base64,${reply.data.toString('base64')}`;
  const kb = Math.max(1, Math.round(reply.data.length / 1024));
  const open =
    reply.mimeType === 'text/html'
      ? `<a class="card-button" data-open-page href="${href}" target="_blank" rel="noopener">Open the page<span class="visually-hidden"> (opens in a new tab)</span></a> `
      : '';
  return (
    `<div class="bubble file"><p>${e(reply.title)}</p>` +
    open +
    `<a class="card-button primary" download="${e(reply.fileName)}" href="${href}">Download ${e(reply.fileName)} (${kb} KB)</a>` +
    `<p class="file-note">${e(reply.alt)}</p></div>`
  );
}
