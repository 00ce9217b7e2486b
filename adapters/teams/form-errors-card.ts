import { escapeAdaptive } from '../../cards/adaptive-text.js';
import type { AcElement, AdaptiveCardJson } from '../../cards/adaptive-card-types.js';

/**
 * The re-rendered form with each error shown in red under its input, plus one line under the title.
 * Adaptive Cards only show `errorMessage` when the client's own validation fails, so a server-side
 * error needs its own TextBlock. Errors for fields not on the card are listed in the top line.
 */
export function withFormErrors(
  card: AdaptiveCardJson,
  errors: Record<string, string>,
): AdaptiveCardJson {
  const placed = new Set<string>();
  const annotate = (elements: AcElement[]): AcElement[] =>
    elements.flatMap((element) => {
      const items = Array.isArray(element.items)
        ? { items: annotate(element.items as AcElement[]) }
        : {};
      const id = typeof element.id === 'string' ? element.id : undefined;
      if (!id || errors[id] === undefined || !element.type.startsWith('Input.'))
        return [{ ...element, ...items }];
      placed.add(id);
      return [
        { ...element, ...items, errorMessage: errors[id] },
        {
          type: 'TextBlock',
          text: escapeAdaptive(errors[id]),
          color: 'attention',
          wrap: true,
          size: 'small',
          spacing: 'none',
        },
      ];
    });
  const body = annotate(card.body);
  const unplaced = Object.entries(errors)
    .filter(([id]) => !placed.has(id))
    .map(([, message]) => message);
  const summary: AcElement = {
    type: 'TextBlock',
    text: escapeAdaptive(['Please check the form:', ...unplaced].join(' ')),
    color: 'attention',
    weight: 'bolder',
    wrap: true,
  };
  return { ...card, body: [body[0]!, summary, ...body.slice(1)] };
}
