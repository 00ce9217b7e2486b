import { expect } from 'vitest';

/**
 * Markup a member might type into anything the bot repeats: a markdown link, a Slack link and
 * mentions, formatting, and HTML (with a Teams <at> mention). Shown back, each must stay text.
 */
export const PLANTED = {
  markdownLink: '[Click me](https://evil.example/x)',
  slackLink: '<https://evil.example|Click me>',
  mentions: '<@U123> <!channel> <!here>',
  formatting: '*bold* _it_ `code` ~strike~',
  html: '<script>alert(1)</script> <at>Bob</at>',
};

/** All of it in one string (about 150 characters): for notes, plans and questions. */
export const PLANT = Object.values(PLANTED).join(' ');

/** Group names hold 80 characters, so the plant is spread over three groups. */
export const GROUP_NAMES = [
  `${PLANTED.markdownLink} *bold*`,
  `${PLANTED.slackLink} <@U123> <!channel>`,
  `<at>Bob</at> <script>x</script> _it_ \`code\``,
];

/** The words a reader must still see, whatever the surface did to the markup around them. */
const VISIBLE = ['Click me', 'evil.example', 'bold', 'Bob', 'script'];

type Json = Record<string, unknown>;

/** Every object inside a JSON-like value, depth first. */
function objectsIn(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (!value || typeof value !== 'object') return [];
  return [value as Json, ...Object.values(value).flatMap(objectsIn)];
}

/**
 * What Slack reads as mrkdwn in message bodies: the top-level `text` and every mrkdwn text object.
 * plain_text objects (headers, buttons, modal labels) are never parsed, so they are left out.
 */
export function slackMrkdwn(bodies: unknown[]): string {
  return bodies
    .flatMap((body) => [
      String((body as Json).text ?? ''),
      ...objectsIn((body as Json).blocks).filter((o) => o.type === 'mrkdwn').map((o) => String(o.text)),
    ])
    .join('\n');
}

/**
 * What Teams reads as markdown in activities: a message's text, and in cards every TextBlock, every
 * fact's title and value, and the card's fallbackText. Button titles and input labels are plain.
 */
export function teamsMarkdown(activities: unknown[]): string {
  return activities
    .flatMap((activity) => {
      const cards = ((activity as Json).attachments as Json[] | undefined)?.map((a) => a.content) ?? [];
      return [
        String((activity as Json).text ?? ''),
        ...cards.map((card) => String((card as Json).fallbackText ?? '')),
        ...objectsIn(cards).flatMap((o) =>
          o.type === 'TextBlock'
            ? [String(o.text)]
            : o.type === 'FactSet'
              ? (o.facts as Json[]).flatMap((f) => [String(f.title), String(f.value)])
              : [],
        ),
      ];
    })
    .join('\n');
}

/** The local chat's HTML: no link, script, tag or formatting from the plant; the words are there. */
export function expectInertHtml(html: string): void {
  expect(html).not.toMatch(/href="[^"]*evil/i);
  expect(html).not.toMatch(/<script|<at>|<\/at>/i);
  expect(html).not.toMatch(/<strong>bold<\/strong>|<em>it<\/em>|<code>code<\/code>/);
  for (const word of VISIBLE) expect(html).toContain(word);
  expect(html).toContain('*bold*');
  expect(html).toContain('&lt;at&gt;Bob&lt;/at&gt;');
}

/**
 * Slack text and blocks: no <url|text> link, no <@U…>, <!channel> or <!here>, no *bold* or
 * _italic_ from the plant (its markers are shown as lookalikes), and the words still there.
 */
export function expectInertMrkdwn(text: string): void {
  expect(text).not.toMatch(/<https?:\/\/evil/i);
  expect(text).not.toMatch(/<@U123>|<!channel>|<!here>/);
  expect(text).not.toMatch(/\*bold\*|_it_|`code`|~strike~/);
  expect(text).not.toMatch(/<script|<at>/i);
  for (const word of VISIBLE) expect(text).toContain(word);
  expect(text).toContain('&lt;!channel&gt;');
}

/**
 * Teams markdown (messages, TextBlocks, FactSets): no [text](url) link, no <…> autolink, tag or
 * <at> mention, no **bold** or _italic_ from the plant, and the words still there.
 */
export function expectInertTeams(text: string): void {
  expect(text).not.toMatch(/\]\(https?:\/\/evil/i);
  expect(text).not.toMatch(/<https?:\/\/evil/i);
  expect(text).not.toMatch(/<at>|<script/i);
  expect(text).not.toMatch(/(?<!\\)\*bold(?<!\\)\*|\*\*bold\*\*|(?<!\\)_it(?<!\\)_/);
  for (const word of VISIBLE) expect(text).toContain(word);
}
