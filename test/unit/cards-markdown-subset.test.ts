import { describe, expect, it } from 'vitest';
import { foldOtherValues, otherInputId } from '../../cards/form-values.js';
import {
  markdownToPlainText,
  parseInline,
  parseMarkdownSubset,
} from '../../cards/markdown-subset.js';
import { markdownToTextBlocks } from '../../cards/markdown-to-adaptive.js';
import { markdownToHtml } from '../../cards/markdown-to-html.js';
import { markdownToMrkdwn } from '../../cards/markdown-to-mrkdwn.js';
import { splitText, truncateText } from '../../cards/text.js';

describe('parseMarkdownSubset', () => {
  it('parses bold, italic, code and links inside a line', () => {
    expect(parseInline('a *b* _c_ `d*e*` [f](https://x.org/y)')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'bold', children: [{ kind: 'text', text: 'b' }] },
      { kind: 'text', text: ' ' },
      { kind: 'italic', children: [{ kind: 'text', text: 'c' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd*e*' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'f', url: 'https://x.org/y' },
    ]);
  });

  it('accepts **bold** and nests italic inside bold', () => {
    expect(parseInline('**very _much_ so**')).toEqual([
      {
        kind: 'bold',
        children: [
          { kind: 'text', text: 'very ' },
          { kind: 'italic', children: [{ kind: 'text', text: 'much' }] },
          { kind: 'text', text: ' so' },
        ],
      },
    ]);
  });

  it('leaves snake_case, arithmetic and unclosed markers as text', () => {
    for (const text of [
      'case_ref_12 and file_name',
      '2 * 3 * 4',
      '*unclosed',
      'a_b',
      '_ spaced _',
    ]) {
      expect(parseInline(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('keeps only http(s) and mailto links; other schemes become their label', () => {
    expect(parseInline('[x](javascript:void)')).toEqual([{ kind: 'text', text: 'x' }]);
    expect(parseInline('[mail](mailto:a@b.org)')[0]).toEqual({
      kind: 'link',
      text: 'mail',
      url: 'mailto:a@b.org',
    });
  });

  it('groups lines into paragraphs and bullet lists split by blank lines', () => {
    const blocks = parseMarkdownSubset('One\nTwo\n\n- a\n- b\nThree');
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(blocks[0]).toMatchObject({ lines: [[{ text: 'One' }], [{ text: 'Two' }]] });
    expect(blocks[1]).toMatchObject({ items: [[{ text: 'a' }], [{ text: 'b' }]] });
  });

  it('strips markup for plain text, keeping link targets and bullets', () => {
    expect(markdownToPlainText('*Hi* _there_\n- [doc](https://d.org)')).toBe(
      'Hi there\n\n- doc (https://d.org)',
    );
  });
});

describe('markdown renderings', () => {
  const source = '*Bold* & _it_ <b>\n- `x<y` [go](https://g.org/?a=1&b=2)';

  it('Slack mrkdwn keeps *bold*, makes <url|text> links and escapes &, <, >', () => {
    expect(markdownToMrkdwn(source)).toBe(
      '*Bold* &amp; _it_ &lt;b&gt;\n\n• `x&lt;y` <https://g.org/?a=1&amp;b=2|go>',
    );
  });

  it('Adaptive Card text uses **bold**, [text](url) and \\r-separated list items', () => {
    const blocks = markdownToTextBlocks('*Bold* _it_\n- one\n- [two](https://t.org)');
    expect(blocks.map((block) => block.text)).toEqual([
      '**Bold** _it_',
      '- one\r- [two](https://t.org)',
    ]);
    expect(blocks.every((block) => block.type === 'TextBlock' && block.wrap === true)).toBe(true);
  });

  it('HTML escapes everything and links safely', () => {
    expect(markdownToHtml(source)).toBe(
      '<p><strong>Bold</strong> &amp; <em>it</em> &lt;b&gt;</p>' +
        '<ul><li><code>x&lt;y</code> <a href="https://g.org/?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">go</a></li></ul>',
    );
    expect(markdownToHtml('[x](javascript:alert(1)) <script>')).not.toMatch(/href|<script/);
  });
});

describe('text helpers', () => {
  it('truncateText never exceeds the limit and ends with an ellipsis when cut', () => {
    const text = 'The quick brown fox jumps over the lazy dog';
    for (const max of [1, 5, 10, 24, 30]) {
      const cut = truncateText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…')).toBe(true);
    }
    expect(truncateText(text, 100)).toBe(text);
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
  });

  it('splitText cuts at line breaks, keeps every word and respects the limit', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    const pieces = splitText(lines.join('\n'), 300);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.length <= 300)).toBe(true);
    expect(pieces.join('\n')).toBe(lines.join('\n'));
    expect(splitText('y'.repeat(25), 10)).toEqual(['y'.repeat(10), 'y'.repeat(10), 'y'.repeat(5)]);
  });

  it('foldOtherValues lets a typed "other" win and drops empty ones', () => {
    expect(
      foldOtherValues({
        idea: 'ci-1',
        [otherInputId('idea')]: ' New idea ',
        kind: 'a',
        [otherInputId('kind')]: '',
      }),
    ).toEqual({ idea: 'New idea', kind: 'a' });
  });
});

describe('test-of-change numbers in HTML', () => {
  it('keeps "T-7" on one line (a phone broke it after the hyphen), and copies back as typed', async () => {
    const { markdownToHtml } = await import('../../cards/markdown-to-html.js');
    const html = markdownToHtml('- *Started*: T-7 Court report (Mo Member), and AT-7 stays as it is');
    expect(html).toContain('<span class="nowrap">T-7</span> Court report');
    expect(html).toContain('AT-7 stays');
    expect(html).not.toContain('‑');
  });

  it('keeps a case reference with a separator on one line too (a phone broke "FB-" / "1042")', async () => {
    const { markdownToHtml } = await import('../../cards/markdown-to-html.js');
    const html = markdownToHtml('FB-1042, SW/2041 and C1042 waiting; on 2026-11-03 and 3/4 of them');
    expect(html).toContain('<span class="nowrap">FB-1042</span>, <span class="nowrap">SW/2041</span> and C1042');
    expect(html).toContain('on 2026-11-03 and 3/4 of them');
  });
});
