import { toAdaptiveAction } from './adaptive-card-action.js';
import { toAdaptiveImage } from './adaptive-card-image.js';
import { toAdaptiveInputs } from './adaptive-card-inputs.js';
import { adaptiveCardSize } from './adaptive-card-size.js';
import type { AcAction, AcElement, AdaptiveCardJson } from './adaptive-card-types.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, TEAMS_CARD_BUDGET } from './limits.js';
import { markdownToTextBlocks } from './markdown-to-adaptive.js';
import type { Card, CardFact, CardSection } from './model.js';
import { MORE_NOTE, plainSummary, truncateText } from './text.js';

export { adaptiveCardSize } from './adaptive-card-size.js';
export type { AdaptiveCardJson } from './adaptive-card-types.js';

export interface AdaptiveCardOptions {
  /** Embed images as data URIs (default). false: leave them out, for an adapter that attaches them. */
  imageDataUri?: boolean;
  /** Size budget as `adaptiveCardSize` counts it; default `TEAMS_CARD_BUDGET`. */
  budget?: number;
}

/** Sections shorter than this are dropped whole rather than cut again. */
const MIN_CUT_TEXT = 200;

/**
 * A card as an Adaptive Card 1.5 for Teams. Past the size budget, sections are cut from the end
 * (long text first halved, then the section dropped) and a note says the rest is in the web view.
 */
export function toAdaptiveCard(card: Card, options: AdaptiveCardOptions = {}): AdaptiveCardJson {
  const budget = options.budget ?? TEAMS_CARD_BUDGET;
  const sections = [...(card.sections ?? [])];
  let json = build(card, sections, false, options);
  while (adaptiveCardSize(json) > budget && sections.length > 0) {
    const last = sections.at(-1)!;
    if (last.text && last.text.length > MIN_CUT_TEXT) {
      sections[sections.length - 1] = {
        ...last,
        text: truncateText(last.text, Math.floor(last.text.length / 2)),
      };
    } else {
      sections.pop();
    }
    json = build(card, sections, true, options);
  }
  return json;
}

function build(
  card: Card,
  sections: CardSection[],
  cut: boolean,
  options: AdaptiveCardOptions,
): AdaptiveCardJson {
  const body: AcElement[] = [
    {
      type: 'TextBlock',
      text: card.title,
      size: 'large',
      weight: 'bolder',
      wrap: true,
      style: 'heading',
    },
  ];
  if (card.subtitle)
    body.push({
      type: 'TextBlock',
      text: card.subtitle,
      isSubtle: true,
      wrap: true,
      spacing: 'none',
    });
  if (card.facts?.length) body.push(factSet(card.facts));
  body.push(...sections.map(sectionContainer));
  if (cut)
    body.push({ type: 'TextBlock', text: MORE_NOTE, isSubtle: true, wrap: true, size: 'small' });
  if (options.imageDataUri !== false) body.push(...(card.images ?? []).flatMap(toAdaptiveImage));

  const actions: AcAction[] = (card.buttons ?? []).map((button) =>
    toAdaptiveAction(button.action, {
      id: button.id,
      title: button.label,
      style: button.style,
      ...(card.form && { associatedInputs: 'none' as const }),
    }),
  );
  if (card.form) {
    const form = card.form;
    body.push(
      {
        type: 'TextBlock',
        text: form.title,
        weight: 'bolder',
        size: 'medium',
        wrap: true,
        separator: true,
      },
      ...form.inputs.flatMap(toAdaptiveInputs),
    );
    actions.push(
      toAdaptiveAction(form.submit, {
        id: `${form.id}__submit`,
        title: form.submitLabel,
        style: 'primary',
        extraData: { formId: form.id },
      }),
    );
  }
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(actions.length > 0 && { actions }),
    fallbackText: plainSummary(card),
  };
}

function factSet(facts: CardFact[]): AcElement {
  return {
    type: 'FactSet',
    facts: facts.map((fact) => ({ title: fact.label, value: fact.value })),
  };
}

function sectionContainer(section: CardSection): AcElement {
  const items: AcElement[] = [];
  if (section.heading)
    items.push({ type: 'TextBlock', text: section.heading, weight: 'bolder', wrap: true });
  if (section.text) items.push(...markdownToTextBlocks(section.text));
  if (section.facts?.length) items.push(factSet(section.facts));
  return { type: 'Container', items, separator: true, spacing: 'medium' };
}
