import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  SLACK_ACTIONS_MAX_ELEMENTS,
  SLACK_BUTTON_TEXT_MAX,
  SLACK_HEADER_TEXT_MAX,
  SLACK_MESSAGE_MAX_BLOCKS,
  SLACK_MESSAGE_TEXT_BUDGET,
  SLACK_SECTION_FIELD_TEXT_MAX,
  SLACK_SECTION_FIELDS_MAX,
  SLACK_SECTION_TEXT_MAX,
  SLACK_VIEW_MAX_BLOCKS,
} from '../../cards/limits.js';
import type { CardAction, CardButton } from '../../cards/model.js';
import { MORE_NOTE } from '../../cards/text.js';
import { toBlockKitHome, toBlockKitMessage } from '../../cards/to-block-kit.js';
import { bigSections, cardFixture, formFixture } from './cards-fixtures.js';

const ofType = <T extends types.KnownBlock['type']>(blocks: types.KnownBlock[], type: T) =>
  blocks.filter((block): block is Extract<types.KnownBlock, { type: T }> => block.type === type);
const buttonsOf = (blocks: types.KnownBlock[]) =>
  ofType(blocks, 'actions').flatMap((block) => block.elements as types.Button[]);
const sectionTexts = (blocks: types.KnownBlock[]) =>
  ofType(blocks, 'section').flatMap((block) => (block.text ? [block.text.text] : []));
const hasNote = (blocks: types.KnownBlock[]) =>
  ofType(blocks, 'context').some((block) => JSON.stringify(block).includes(MORE_NOTE));
const manyButtons = (count: number): CardButton[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `b${i}`,
    label: `Button ${i}`,
    action: { verb: 'v', data: { i } },
  }));

describe('toBlockKitMessage', () => {
  it('starts with a header and always sets a plain fallback text of title and facts', () => {
    const { text, blocks } = toBlockKitMessage(cardFixture());
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: cardFixture().title, emoji: true },
    });
    expect(text).toBe(
      'Weekly digest — Northside champions\nWeek 47\nCases: 12\nMilestones this week: 5',
    );
  });

  it('cuts the header to 150 characters', () => {
    const header = ofType(
      toBlockKitMessage(cardFixture({ title: 'T'.repeat(400) })).blocks,
      'header',
    )[0]!;
    expect(header.text.text.length).toBeLessThanOrEqual(SLACK_HEADER_TEXT_MAX);
    expect(header.text.text.endsWith('…')).toBe(true);
  });

  it('renders section markdown as mrkdwn with the heading in bold', () => {
    const texts = sectionTexts(toBlockKitMessage(cardFixture()).blocks);
    expect(texts).toEqual([
      '*Change ideas*\nTwo ideas *in test*, one _adopted_.\n\n• Pre-visit call\n• Shared notes: see <https://example.org/guide|guide>',
    ]);
  });

  it('escapes &, < and > in every piece of user text', () => {
    const card = cardFixture({
      title: 'A & B',
      subtitle: '<!channel>',
      facts: [{ label: '<b>', value: 'x > y' }],
      sections: [{ heading: '<@U1>', text: 'Tom & Jerry <script>' }],
    });
    const { text, blocks } = toBlockKitMessage(card);
    const mrkdwn = JSON.stringify(blocks.filter((block) => block.type !== 'header'));
    expect(mrkdwn).not.toMatch(/<!channel>|<@U1>|<script>|<b>/);
    expect(mrkdwn).toContain('&lt;!channel&gt;');
    expect(mrkdwn).toContain('Tom &amp; Jerry &lt;script&gt;');
    expect(text).toContain('A &amp; B');
  });

  it('splits text longer than 3,000 characters over several sections without losing any', () => {
    const long = Array.from(
      { length: 200 },
      (_, i) => `Sentence number ${i} about the visit plan.`,
    ).join('\n');
    const texts = sectionTexts(
      toBlockKitMessage(cardFixture({ sections: [{ text: long }] })).blocks,
    );
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.every((t) => t.length > 0 && t.length <= SLACK_SECTION_TEXT_MAX)).toBe(true);
    expect(texts.join('\n')).toBe(long);
  });

  it('puts facts ten fields to a section, each field within 2,000 characters', () => {
    const facts = Array.from({ length: 23 }, (_, i) => ({
      label: `F${i}`,
      value: 'v'.repeat(i === 0 ? 5000 : 3),
    }));
    const sections = ofType(
      toBlockKitMessage(cardFixture({ facts, sections: [] })).blocks,
      'section',
    );
    expect(sections.map((s) => s.fields?.length)).toEqual([10, 10, 3]);
    const fields = sections.flatMap((s) => s.fields ?? []);
    expect(fields.every((f) => f.text.length <= SLACK_SECTION_FIELD_TEXT_MAX)).toBe(true);
    expect(fields[1]!.text).toBe('*F1*\nvvv');
    expect(SLACK_SECTION_FIELDS_MAX).toBe(10);
  });

  it('makes buttons whose action_id is the button id and whose value parses back to the action', () => {
    const card = cardFixture();
    const buttons = buttonsOf(toBlockKitMessage(card).blocks);
    expect(buttons.map((b) => b.action_id)).toEqual(card.buttons!.map((b) => b.id));
    buttons.forEach((button, i) => {
      const action = card.buttons![i]!.action;
      expect(JSON.parse(button.value!) as CardAction).toEqual({
        verb: action.verb,
        data: action.data,
      });
    });
    expect(buttons.map((b) => b.style)).toEqual(['primary', undefined]);
  });

  it('cuts button text to 75 characters and refuses a value over 2,000', () => {
    const long: CardButton = { id: 'x', label: 'L'.repeat(200), action: { verb: 'v' } };
    expect(
      buttonsOf(toBlockKitMessage(cardFixture({ buttons: [long] })).blocks)[0]!.text.text.length,
    ).toBeLessThanOrEqual(SLACK_BUTTON_TEXT_MAX);
    const huge: CardButton = {
      id: 'y',
      label: 'Y',
      action: { verb: 'v', data: { blob: 'z'.repeat(2100) } },
    };
    expect(() => toBlockKitMessage(cardFixture({ buttons: [huge] }))).toThrow(
      expect.objectContaining({ code: 'card_action_too_large' }),
    );
  });

  it('puts at most 25 buttons in one actions block', () => {
    const blocks = toBlockKitMessage(cardFixture({ buttons: manyButtons(60) })).blocks;
    expect(ofType(blocks, 'actions').map((b) => b.elements.length)).toEqual([25, 25, 10]);
    expect(SLACK_ACTIONS_MAX_ELEMENTS).toBe(25);
  });

  it('keeps a big card within 50 blocks and the text budget, says the rest is cut, keeps the buttons', () => {
    const card = cardFixture({ sections: bigSections(80, 200), buttons: manyButtons(30) });
    const { blocks } = toBlockKitMessage(card);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_MESSAGE_MAX_BLOCKS);
    expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(SLACK_MESSAGE_TEXT_BUDGET);
    expect(blocks[0]!.type).toBe('header');
    expect(hasNote(blocks)).toBe(true);
    expect(buttonsOf(blocks)).toHaveLength(30);
    expect(blocks.at(-1)!.type).toBe('actions');
  });

  it('cuts by block count alone when many small blocks would pass 50', () => {
    const tiny = Array.from({ length: 70 }, (_, i) => ({ text: `s${i}` }));
    const { blocks } = toBlockKitMessage(cardFixture({ sections: tiny, facts: [] }));
    expect(blocks).toHaveLength(SLACK_MESSAGE_MAX_BLOCKS);
    expect(hasNote(blocks)).toBe(true);
  });

  it('leaves a small card whole, without the note', () => {
    expect(hasNote(toBlockKitMessage(cardFixture()).blocks)).toBe(false);
  });

  it('returns images separately for upload instead of putting them in blocks', () => {
    const card = cardFixture();
    const message = toBlockKitMessage(card);
    expect(message.images).toEqual(card.images);
    expect(ofType(message.blocks, 'image')).toHaveLength(0);
  });

  it('offers a form through its open action as a primary button, and nothing without one', () => {
    const openAction = { verb: 'pdsa.form', data: { groupId: 'g-1' } };
    const withOpen = buttonsOf(
      toBlockKitMessage(cardFixture({ form: formFixture({ openAction }) })).blocks,
    );
    const open = withOpen.find((b) => b.action_id === 'pdsa-new__open')!;
    expect(open.style).toBe('primary');
    expect(JSON.parse(open.value!)).toEqual(openAction);
    const without = buttonsOf(toBlockKitMessage(cardFixture({ form: formFixture() })).blocks);
    expect(without.map((b) => b.action_id)).toEqual(['log-milestone', 'snooze']);
  });
});

describe('toBlockKitHome', () => {
  it('stacks cards with dividers between them and names images by their alt text', () => {
    const home = toBlockKitHome([cardFixture(), cardFixture({ title: 'Second' })]);
    expect(home.type).toBe('home');
    expect(ofType(home.blocks as types.KnownBlock[], 'header').map((b) => b.text.text)).toEqual([
      cardFixture().title,
      'Second',
    ]);
    expect(ofType(home.blocks as types.KnownBlock[], 'divider')).toHaveLength(1);
    expect(JSON.stringify(home.blocks)).toContain(cardFixture().images![0]!.alt);
  });

  it('keeps the Home tab within 100 blocks, with the note', () => {
    const cards = Array.from({ length: 12 }, (_, i) =>
      cardFixture({ title: `Card ${i}`, sections: bigSections(8, 50) }),
    );
    const home = toBlockKitHome(cards);
    expect(home.blocks.length).toBeLessThanOrEqual(SLACK_VIEW_MAX_BLOCKS);
    expect(hasNote(home.blocks as types.KnownBlock[])).toBe(true);
  });
});
