import { escapeHtml as e } from '../../cards/html-escape.js';
import type { LocalChannel } from './local-channels.js';
import type { WebPerson } from './web-people.js';

/** Sentences the chips under the log send in a real programme: nothing that assumes the demo's data. */
export const REAL_SUGGESTIONS = ['help', 'people', 'my cases'];

/** Sentences the chips under the log send: the first things a newcomer should try. */
export const SUGGESTIONS = [
  'C1151 accommodated yesterday',
  'chart accommodation to permanence recommendation',
  'pdsa new',
  'help',
];

function documentHtml(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    // No favicon to fetch: the browser would ask for /favicon.ico and log a 404.
    '<link rel="icon" href="data:,">',
    '<link rel="stylesheet" href="/static/chat.css">',
    body.includes('id="log"') ? '<script type="module" src="/static/chat.js"></script>' : '',
    // Charts open full size on tap, in the chat and on the digest preview alike.
    '<script type="module" src="/static/lightbox.js"></script>',
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('\n');
}

function brand(subtitle: string): string {
  return `<div class="brand"><span class="logo" aria-hidden="true">P</span><div><h1>pacebot</h1><p>${e(subtitle)}</p></div></div>`;
}

/**
 * The local chat: who you are, the conversation, things to try, the message box. Script: chat.js.
 * The digest preview link shows only once a feature can build the digest.
 */
export function chatPage({
  digestPreview,
  people,
  channels,
  real,
  example,
}: {
  digestPreview: boolean;
  people: WebPerson[];
  channels: LocalChannel[];
  /** A programme someone set up: the demo's chips would name children and charts it does not have. */
  real: boolean;
  /** The programme's own case reference, for the message box's example (see case-ref-example.ts). */
  example: string;
}): string {
  // What each person may do from the page's own controls, so chat.js offers only those.
  const may = (p: WebPerson) => `${p.mayImport ? ' data-may-import="1"' : ''}${p.mayPreview ? ' data-may-preview="1"' : ''}`;
  const options = people.map((p) => `<option value="${e(p.userId)}"${may(p)}>${e(p.name)} (${e(p.role)})</option>`).join('');
  const places = [
    '<option value="">Direct message with pacebot</option>',
    ...channels.map((c) => `<option value="${e(c.id)}">#${e(c.name)}${c.linkedAs ? ' · linked' : ''}</option>`),
  ].join('');
  const chips = (real ? REAL_SUGGESTIONS : SUGGESTIONS).map((say) => `<button type="button" class="chip" data-say="${e(say)}">${e(say)}</button>`).join('');
  return documentHtml(
    'pacebot — local chat',
    [
      '<a class="skip-link" href="#message">Skip to the message box</a>',
      '<header class="top">',
      brand('local chat'),
      `<div class="who"><label for="as">You are</label><select id="as">${options}</select></div>`,
      // Local channels stand in for Slack's and Teams' channels: link them, get the digest there.
      `<div class="who"><label for="where">Where</label><select id="where">${places}</select></div>`,
      digestPreview
        ? '<a id="digest-link" class="top-link" href="/web/digest-preview" target="_blank" rel="noopener">Digest preview<span class="visually-hidden"> (opens in a new tab)</span></a>'
        : '',
      '</header>',
      '<main class="chat">',
      '<h2 class="visually-hidden">Conversation</h2>',
      '<ol id="log" class="log" role="log" aria-live="polite" aria-label="Conversation with pacebot"></ol>',
      '<p id="status" class="status" role="status"></p>',
      '</main>',
      '<footer class="composer">',
      `<div class="chips" role="group" aria-label="Things to try">${chips}</div>`,
      '<p id="thread-note" class="thread-note" hidden><span>Replying in a thread.</span> <button type="button" id="thread-cancel" class="card-button">Stop replying</button></p>',
      '<form id="composer" class="composer-form">',
      '<label for="message">Message to pacebot</label>',
      '<div class="composer-row">',
      `<input id="message" type="text" autocomplete="off" maxlength="4000" required placeholder="${e(example)} accommodated 3 Oct">`,
      '<button type="submit" class="card-button primary">Send</button>',
      '</div>',
      '</form>',
      // Admins move in with their tracker: the file goes to POST /web/upload, never anywhere else.
      '<div class="upload-row" id="upload-row">',
      '<label for="tracker-file" class="card-button">Import a tracker (.xlsx or .csv)</label>',
      '<input id="tracker-file" class="visually-hidden" type="file" accept=".xlsx,.csv">',
      '</div>',
      '</footer>',
    ].join('\n'),
  );
}

/** A card's button as the chat draws it (cards/to-html.ts). */
const CARD_BUTTON = /<button type="button" class="card-button /g;

/**
 * A page of rendered replies outside the chat, e.g. the digest preview. It has no chat script, so
 * its cards' buttons are drawn disabled, with a note: they looked live and did nothing when tapped
 * (a phone try-out). They work on the digest itself, once it is posted in the chat.
 */
export function repliesPage(title: string, repliesHtml: string[]): string {
  const inert = (html: string) => html.replace(CARD_BUTTON, '<button type="button" disabled class="card-button ');
  const hasButtons = repliesHtml.some((html) => CARD_BUTTON.test(html));
  CARD_BUTTON.lastIndex = 0;
  return documentHtml(
    `${title} — pacebot`,
    [
      '<header class="top">',
      brand(title),
      '<a class="top-link" href="/">Back to the chat</a>',
      '</header>',
      `<main class="page"><h2>${e(title)}</h2>`,
      hasButtons ? '<p class="page-note">A preview: its buttons work on the digest itself, once it is posted in the chat.</p>' : '',
      ...repliesHtml.map((html) => `<div class="reply">${inert(html)}</div>`),
      '</main>',
    ].join('\n'),
  );
}
