/**
 * Text people typed (a group name, a PDSA note, a display name) is shown as they typed it, never as
 * markup: a "[Click me](https://…)" in a note must not become a link in the bot's voice. The core
 * builds replies as markdown-subset templates, so each value people supplied is passed through
 * `plain()` where it is put into a template:
 *
 *   text(`Group *${plain(group.name)}* saved.`)
 *
 * `plain()` swaps every character the subset parser would read as markup for a private-use stand-in,
 * so the parser sees ordinary text and the value can only ever land in a text node (or inside the
 * bot's own bold, code or link label). Each renderer turns the stand-ins back with `restorePlain()`
 * while escaping that text node for its surface, so the characters show literally everywhere.
 * Renderers also restore plain-text fields (titles, labels), so a `plain()` there is harmless.
 */

/** Markup characters of the subset (`*bold*`, `_italic_`, `` `code` ``, `[text](url)`) and their stand-ins. */
const INLINE: ReadonlyMap<string, string> = new Map([
  ['*', '\uE02A'],
  ['_', '\uE05F'],
  ['`', '\uE060'],
  ['[', '\uE05B'],
  [']', '\uE05D'],
]);
/** Bullet markers count only at the start of a line ("- item"), so only there are they swapped. */
const BULLETS: ReadonlyMap<string, string> = new Map([
  ['-', '\uE02D'],
  ['•', '\uE022'],
  ['+', '\uE02B'],
]);

const STANDS_FOR: ReadonlyMap<string, string> = new Map(
  [...INLINE, ...BULLETS].map(([char, standIn]) => [standIn, char]),
);

const INLINE_CHARS = /[*_`[\]]/g;
const LINE_START_BULLET = /^(\s*)([-•+])/gm;
const STAND_INS = /[\uE02A\uE05F\uE060\uE05B\uE05D\uE02D\uE022\uE02B]/g;

/** `text` (something a person typed) made inert for the markdown subset; see the file comment. */
export function plain(text: string): string {
  return text
    .replace(LINE_START_BULLET, (_, space: string, bullet: string) => space + BULLETS.get(bullet)!)
    .replace(INLINE_CHARS, (char) => INLINE.get(char)!);
}

/** The characters `plain()` stood in for, back as they were typed. Renderers call this before escaping. */
export function restorePlain(text: string): string {
  return text.replace(STAND_INS, (standIn) => STANDS_FOR.get(standIn)!);
}

/**
 * A chat command offered in brackets ("(`chart waiting`)") is for someone reading in the chat: on
 * paper, or read aloud by a screen reader from a chart's alt text, it is noise.
 */
export function withoutChatHints(text: string): string {
  return text.replace(/\s*\(`[^`]*`\)/g, '');
}
