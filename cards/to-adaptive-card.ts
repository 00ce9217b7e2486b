import { toAdaptiveAction } from './adaptive-card-action.js';
import { toAdaptiveImage } from './adaptive-card-image.js';
import { toAdaptiveInputs } from './adaptive-card-inputs.js';
import { adaptiveCardSize } from './adaptive-card-size.js';
import type { AcAction, AcElement, AdaptiveCardJson } from './adaptive-card-types.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, TEAMS_CARD_BUDGET } from './limits.js';
import { escapeAdaptive } from './adaptive-text.js';
import { markdownToAdaptiveText, markdownToTextBlocks } from './markdown-to-adaptive.js';
import type { Card, CardFact, CardSection } from './model.js';
import { restorePlain } from './plain-text.js';
import { MORE_NOTE, plainSummary, truncateText } from './text.js';

export { adaptiveCardSize } from './adaptive-card-size.js';
export type { AdaptiveCardJson } from './adaptive-card-types.js';

export interface AdaptiveCardOptions {
  /** Embed images as data URIs (default). false: leave them out, for an adapter that attaches them. */
  imageDataUri?: boolean;
  /** Size budget as `adaptiveCardSize` counts it; default `TEAMS_CARD_BUDGET`. */
  budget?: number;
}

/** Text shorter than this is dropped with its section rather than cut again. */
const MIN_CUT_TEXT = 200;

const NOTE: AcElement = {
  type: 'TextBlock',
  text: MORE_NOTE,
  isSubtle: true,
  wrap: true,
  size: 'small',
};

interface Parts {
  head: AcElement[];
  tail: AcElement[];
  actions: AcAction[];
}

/**
 * A card as an Adaptive Card 1.5 for Teams. Past the size budget, sections are kept from the top
 * while they fit, the first that does not is halved until it fits (or dropped), and a note says the
 * rest is in the web view. Title, facts, images, form and buttons are never cut.
 */
export function toAdaptiveCard(card: Card, options: AdaptiveCardOptions = {}): AdaptiveCardJson {
  const budget = options.budget ?? TEAMS_CARD_BUDGET;
  const parts: Parts = {
    head: headElements(card),
    tail: tailElements(card, options),
    actions: cardActions(card),
  };
  const sections = card.sections ?? [];
  const containers = sections.map(sectionContainer);
  const whole = assemble(card, parts, containers);
  if (adaptiveCardSize(whole) <= budget) return whole;

  // Each element of the body array costs its own size plus a comma.
  let room = budget - adaptiveCardSize(assemble(card, parts, [NOTE]));
  const kept: AcElement[] = [];
  for (const [index, container] of containers.entries()) {
    const cost = adaptiveCardSize(container) + 1;
    if (cost > room) {
      const shortened = shorten(sections[index]!, room);
      if (shortened) kept.push(shortened);
      break;
    }
    kept.push(container);
    room -= cost;
  }
  return assemble(card, parts, [...kept, NOTE]);
}

function shorten(section: CardSection, room: number): AcElement | undefined {
  let text = section.text ?? '';
  while (text.length > MIN_CUT_TEXT) {
    text = truncateText(text, Math.floor(text.length / 2));
    const container = sectionContainer({ ...section, text });
    if (adaptiveCardSize(container) + 1 <= room) return container;
  }
  return undefined;
}

function assemble(card: Card, parts: Parts, middle: AcElement[]): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [...parts.head, ...middle, ...parts.tail],
    ...(parts.actions.length > 0 && { actions: parts.actions }),
    // Shown where the card cannot be, and read as markdown there too.
    fallbackText: escapeAdaptive(plainSummary(card)),
  };
}

function headElements(card: Card): AcElement[] {
  const title = {
    type: 'TextBlock',
    text: escapeAdaptive(card.title),
    size: 'large',
    weight: 'bolder',
    wrap: true,
    style: 'heading',
  };
  return [
    title,
    ...(card.subtitle
      ? [{ type: 'TextBlock', text: escapeAdaptive(card.subtitle), isSubtle: true, wrap: true, spacing: 'none' }]
      : []),
    ...(card.facts?.length ? [factSet(card.facts)] : []),
  ];
}

function tailElements(card: Card, options: AdaptiveCardOptions): AcElement[] {
  const images = options.imageDataUri === false ? [] : (card.images ?? []).flatMap(toAdaptiveImage);
  if (!card.form) return images;
  const formTitle = {
    type: 'TextBlock',
    text: escapeAdaptive(card.form.title),
    weight: 'bolder',
    size: 'medium',
    wrap: true,
    separator: true,
  };
  return [...images, formTitle, ...card.form.inputs.flatMap(toAdaptiveInputs)];
}

function cardActions(card: Card): AcAction[] {
  const form = card.form;
  const actions = (card.buttons ?? []).map((button) =>
    toAdaptiveAction(button.action, {
      id: button.id,
      title: restorePlain(button.label),
      style: button.style,
      ...(form && { associatedInputs: 'none' as const }),
    }),
  );
  if (form) {
    const submitId = `${form.id}__submit`;
    const extraData = { formId: form.id };
    actions.push(
      toAdaptiveAction(form.submit, {
        id: submitId,
        title: form.submitLabel,
        style: 'primary',
        extraData,
      }),
    );
  }
  return actions;
}

/** Teams reads a fact's title and value as markdown too: the label is plain text, the value card markdown. */
function factSet(facts: CardFact[]): AcElement {
  return {
    type: 'FactSet',
    facts: facts.map((fact) => ({
      title: escapeAdaptive(fact.label),
      value: markdownToAdaptiveText(fact.value),
    })),
  };
}

function sectionContainer(section: CardSection): AcElement {
  const items: AcElement[] = [];
  if (section.heading)
    items.push({ type: 'TextBlock', text: escapeAdaptive(section.heading), weight: 'bolder', wrap: true });
  if (section.text) items.push(...markdownToTextBlocks(section.text));
  if (section.facts?.length) items.push(factSet(section.facts));
  return { type: 'Container', items, separator: true, spacing: 'medium' };
}
