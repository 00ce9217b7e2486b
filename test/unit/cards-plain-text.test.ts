import { describe, expect, it } from 'vitest';
import { replyActivity } from '../../adapters/teams/send-reply.js';
import { markdownToPlainText } from '../../cards/markdown-subset.js';
import { markdownToTextBlocks } from '../../cards/markdown-to-adaptive.js';
import { markdownToHtml } from '../../cards/markdown-to-html.js';
import { markdownToMrkdwn } from '../../cards/markdown-to-mrkdwn.js';
import type { Card } from '../../cards/model.js';
import { plain, restorePlain } from '../../cards/plain-text.js';
import { toAdaptiveCard } from '../../cards/to-adaptive-card.js';
import { toBlockKitMessage } from '../../cards/to-block-kit.js';
import { toHtml } from '../../cards/to-html.js';

const EVIL = '[Click me](https://evil.example/x) <https://evil.example|x> <@U1> <!channel> *b* _i_ `c` ~s~ <at>Bob</at>';
/** A template of the bot's own: a link and bold of its own around a value someone typed. */
const template = (value: string) => `Saved *${plain(value)}*. See [the guide](https://example.org/guide).`;

const teams = (text: string) => replyActivity({ kind: 'text', text }).text!;
const adaptive = (text: string) => markdownToTextBlocks(text).map((block) => block.text).join('\n');

describe('plain()', () => {
  it('gives back exactly what was typed once a renderer restores it', () => {
    for (const typed of [EVIL, '- a\n+ b\n• c\n  - d', 'snake_case * 2', '', '\uE02A typed stand-in']) {
      expect(restorePlain(plain(typed))).toBe(typed.replace('\uE02A', '*'));
    }
  });

  it('leaves text without markup characters as it is', () => {
    expect(plain('Permanence milestones (West) 2026-10-03: 12%')).toBe(
      'Permanence milestones (West) 2026-10-03: 12%',
    );
  });
});

describe("the bot's template with a typed value in it", () => {
  it('HTML: the only link is the bot\'s, the typed value is text', () => {
    const html = markdownToHtml(template(EVIL));
    expect(html.match(/href="/g)).toHaveLength(1);
    expect(html).toContain('<a href="https://example.org/guide"');
    expect(html).toContain('<strong>[Click me](https://evil.example/x) &lt;https://evil.example|x&gt;');
    expect(html).not.toMatch(/<em>|<code>|<at>/);
  });

  it('Slack: the only <url|text> is the bot\'s; no mention, no formatting from the value', () => {
    const mrkdwn = markdownToMrkdwn(template(EVIL));
    expect(mrkdwn).toContain('<https://example.org/guide|the guide>');
    expect(mrkdwn.match(/<http/g)).toHaveLength(1);
    expect(mrkdwn).not.toMatch(/<@U1>|<!channel>|\*b\*|_i_|`c`|~s~/);
    expect(mrkdwn).toContain('Saved *[Click me](https://evil.example/x) &lt;https://evil.example|x&gt; &lt;@U1&gt; &lt;!channel&gt; ∗b∗ ˍiˍ ˋcˋ ∼s∼');
  });

  it('Teams message: the only [text](url) is the bot\'s; <at> and markdown are escaped', () => {
    const text = teams(template(EVIL));
    expect(text).toContain('[the guide](https://example.org/guide)');
    expect(text.match(/\]\(http/g)).toHaveLength(1);
    expect(text).toContain('\\[Click me\\]\u200B(https://evil.example/x)');
    expect(text).toContain('&lt;at>Bob&lt;/at>');
    expect(text).toContain('\\*b\\* \\_i\\_ \\`c\\` \\~s\\~');
  });

  it('Adaptive Card text: the only [text](url) is the bot\'s; markup shows as lookalikes', () => {
    const text = adaptive(template(EVIL));
    expect(text).toContain('[the guide](https://example.org/guide)');
    expect(text.match(/\]\(http/g)).toHaveLength(1);
    expect(text).toContain('**[Click me]\u200B(https://evil.example/x) <\u200Bhttps://evil.example|x>');
    expect(text).toContain('∗b∗ ˍiˍ ˋcˋ ∼s∼ <\u200Bat>Bob<\u200B/at>');
  });

  it('plain text (notifications) shows the value as typed', () => {
    expect(markdownToPlainText(template(EVIL))).toBe(
      `Saved ${EVIL}. See the guide (https://example.org/guide).`,
    );
  });
});

describe('a typed value cannot end the markup around it early', () => {
  const breakouts = [
    `\`${plain('x` [a](https://evil.example) `')}\``,
    `*${plain('a* [a](https://evil.example) *b')}*`,
    `_${plain('a_ [a](https://evil.example) _b')}_`,
    `[${plain('a](https://evil.example) [b')}](https://example.org/)`,
  ];
  it.each(breakouts)('%s', (source) => {
    expect(markdownToHtml(source)).not.toMatch(/href="https:\/\/evil/);
    expect(markdownToMrkdwn(source)).not.toMatch(/<https:\/\/evil/);
    expect(teams(source)).not.toMatch(/\]\(https:\/\/evil/);
    expect(adaptive(source)).not.toMatch(/\]\(https:\/\/evil/);
  });
});

describe('a typed value on lines of its own', () => {
  const source = `Notes:\n${plain('- not a list\n> not a quote\n# not a heading\n12. not numbered')}`;

  it('makes no list, quote or heading anywhere', () => {
    expect(markdownToHtml(source)).not.toMatch(/<ul|<li|<blockquote|<h\d/);
    expect(markdownToHtml(source)).toContain('- not a list<br>&gt; not a quote');
    const mrkdwn = markdownToMrkdwn(source);
    expect(mrkdwn).not.toMatch(/^•|^&gt;/m);
    expect(mrkdwn).toContain('\u00AD&gt; not a quote');
    const text = teams(source);
    expect(text).toMatch(/^\\- not a list$/m);
    expect(text).toMatch(/^\\> not a quote$/m);
    expect(text).toMatch(/^\\# not a heading$/m);
    expect(text).toMatch(/^12\\\. not numbered$/m);
    expect(adaptive(source)).not.toMatch(/^\s*(?:[-+#>]|\d+\.)/m);
  });
});

describe("a card's plain fields (title, subtitle, headings, fact labels) and fact values", () => {
  const card: Card = {
    title: EVIL,
    subtitle: EVIL,
    facts: [{ label: EVIL, value: plain(EVIL) }],
    sections: [{ heading: EVIL, text: plain(EVIL) }],
  };

  it('are text on every surface', () => {
    const html = toHtml(card);
    expect(html).not.toMatch(/href=|<at>|<em>|<code>/);
    const slack = toBlockKitMessage(card);
    const mrkdwn = JSON.stringify(slack.blocks.filter((b) => b.type !== 'header')) + slack.text;
    expect(mrkdwn).not.toMatch(/<https:\/\/evil|<@U1>|<!channel>|\*b\*|_i_/);
    expect(slack.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: EVIL.slice(0, 149) } });
    const adaptiveCard = JSON.stringify(toAdaptiveCard(card));
    expect(adaptiveCard).not.toMatch(/\]\(https:\/\/evil|<https:\/\/evil|<at>|\*b\*|_i_/);
  });
});

describe('Slack mrkdwn objects', () => {
  it('are verbatim, so Slack does not turn words into links or mentions', () => {
    const { blocks } = toBlockKitMessage({ title: 'T', subtitle: 's', facts: [{ label: 'l', value: 'v' }], sections: [{ text: 'x' }] });
    const objects = JSON.stringify(blocks).match(/"type":"mrkdwn"[^}]*}/g)!;
    expect(objects.length).toBe(3);
    for (const object of objects) expect(object).toContain('"verbatim":true');
    expect(markdownToMrkdwn(plain('@channel and @here'))).toBe('@\u2060channel and @\u2060here');
  });

  it('keep * and _ inside a word, where Slack never reads them as markers', () => {
    expect(markdownToMrkdwn(plain('not_in_channel, 2*3 and _x_ *y*'))).toBe('not_in_channel, 2*3 and ˍxˍ ∗y∗');
  });
});
