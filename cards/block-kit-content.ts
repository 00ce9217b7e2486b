import type { types } from '@slack/bolt';
import {
  SLACK_HEADER_TEXT_MAX,
  SLACK_SECTION_FIELD_TEXT_MAX,
  SLACK_SECTION_FIELDS_MAX,
  SLACK_SECTION_TEXT_MAX,
} from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn } from './markdown-to-mrkdwn.js';
import type { Card, CardFact, CardSection } from './model.js';
import { restorePlain } from './plain-text.js';
import { splitText, truncateText } from './text.js';

export function headerBlock(title: string): types.HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncateText(restorePlain(title), SLACK_HEADER_TEXT_MAX), emoji: true },
  };
}

/**
 * Every mrkdwn object we send is `verbatim`: Slack then leaves the text as we escaped it, rather than
 * turning bare URLs, channel names and broadcast words into links and mentions (docs: text object).
 */
function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function contextBlock(text: string): types.ContextBlock {
  return {
    type: 'context',
    elements: [mrkdwn(truncateText(text, SLACK_SECTION_TEXT_MAX))],
  };
}

/**
 * The readable part of a card (header, subtitle, facts, sections) as Block Kit, every block within
 * its own limits: long text is split over several sections, facts go 10 fields to a section.
 */
export function contentBlocks(card: Card, options: { header?: boolean } = {}): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  if (options.header !== false) blocks.push(headerBlock(card.title));
  if (card.subtitle) blocks.push(contextBlock(escapeMrkdwn(card.subtitle)));
  if (card.facts?.length) blocks.push(...factBlocks(card.facts));
  for (const section of card.sections ?? []) blocks.push(...sectionBlocks(section));
  return blocks;
}

function sectionBlocks(section: CardSection): types.KnownBlock[] {
  const parts = [
    section.heading ? `*${escapeMrkdwn(section.heading)}*` : '',
    section.text ? markdownToMrkdwn(section.text) : '',
  ].filter((part) => part !== '');
  const texts = splitText(parts.join('\n'), SLACK_SECTION_TEXT_MAX);
  return [
    ...texts.map(
      (text): types.SectionBlock => ({ type: 'section', text: mrkdwn(text) }),
    ),
    ...(section.facts?.length ? factBlocks(section.facts) : []),
  ];
}

function factBlocks(facts: CardFact[]): types.SectionBlock[] {
  const blocks: types.SectionBlock[] = [];
  for (let start = 0; start < facts.length; start += SLACK_SECTION_FIELDS_MAX) {
    const fields = facts.slice(start, start + SLACK_SECTION_FIELDS_MAX).map((fact) =>
      mrkdwn(
        truncateText(
          `*${escapeMrkdwn(fact.label)}*\n${markdownToMrkdwn(fact.value)}`,
          SLACK_SECTION_FIELD_TEXT_MAX,
        ),
      ),
    );
    blocks.push({ type: 'section', fields });
  }
  return blocks;
}
