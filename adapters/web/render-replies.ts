import { randomUUID } from 'node:crypto';
import { escapeHtml as e } from '../../cards/html-escape.js';
import { markdownToHtml } from '../../cards/markdown-to-html.js';
import { toHtml } from '../../cards/to-html.js';
import type { Reply } from '../../src/conversation/turn.js';

/** One reply as the page shows it. `replaces`: put it where the card that was clicked is. */
export interface RenderedReply {
  kind: Reply['kind'];
  html: string;
  replaces?: boolean;
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
        return { kind: reply.kind, html: `<div class="bubble">${markdownToHtml(reply.text)}</div>` };
      case 'card':
        return { kind: reply.kind, html: toHtml(reply.card, { idPrefix }), ...(reply.replaces ? { replaces: true } : {}) };
      case 'form':
        return { kind: reply.kind, html: toHtml(reply.card, { idPrefix }) };
      case 'form_errors':
        return { kind: reply.kind, html: toHtml(reply.card, { errors: reply.errors, idPrefix }) };
      case 'image':
        return { kind: reply.kind, html: imageHtml(reply) };
      case 'file':
        return { kind: reply.kind, html: fileHtml(reply) };
    }
  });
}

function imageHtml(reply: Extract<Reply, { kind: 'image' }>): string {
  // The chart draws its own title; the caption names the figure for screen readers only.
  const caption = reply.title ? `<figcaption class="visually-hidden">${e(reply.title)}</figcaption>` : '';
  return (
    `<figure class="chart"><img src="data:image/png;base64,${reply.png.toString('base64')}" alt="${e(reply.alt)}">` +
    `${caption}</figure>`
  );
}

/** A file to keep (an export) as a download link; the bytes travel in the link itself. */
function fileHtml(reply: Extract<Reply, { kind: 'file' }>): string {
  const href = `data:${reply.mimeType};base64,${reply.data.toString('base64')}`;
  const kb = Math.max(1, Math.round(reply.data.length / 1024));
  return (
    `<div class="bubble file"><p>${e(reply.title)}</p>` +
    `<a class="card-button primary" download="${e(reply.fileName)}" href="${href}">Download ${e(reply.fileName)} (${kb} KB)</a>` +
    `<p class="file-note">${e(reply.alt)}</p></div>`
  );
}
