import { escapeHtml as e } from './html-escape.js';
import { formToHtml, type HtmlFormOptions } from './html-form.js';
import { markdownToHtml } from './markdown-to-html.js';
import type { Card, CardButton, CardFact, CardImage, CardSection } from './model.js';

export type HtmlOptions = HtmlFormOptions;

/**
 * A card as accessible HTML for the local web chat. Every string from the card is escaped. Buttons
 * carry their action as JSON in `data-action` (`{ verb, data }`); the page posts it back on click.
 * Pass `errors` (input id → message) to show validation errors inline.
 */
export function toHtml(card: Card, options: HtmlOptions = {}): string {
  return [
    '<article class="card">',
    `<h3 class="card-title">${e(card.title)}</h3>`,
    card.subtitle ? `<p class="card-subtitle">${e(card.subtitle)}</p>` : '',
    card.facts?.length ? factsHtml(card.facts) : '',
    ...(card.sections ?? []).map(sectionHtml),
    ...(card.images ?? []).map(imageHtml),
    card.buttons?.length
      ? `<div class="card-actions">${card.buttons.map(buttonHtml).join('')}</div>`
      : '',
    card.form ? formToHtml(card.form, options) : '',
    '</article>',
  ].join('');
}

function factsHtml(facts: CardFact[]): string {
  const rows = facts.map(
    (fact) => `<div><dt>${e(fact.label)}</dt><dd>${markdownToHtml(fact.value)}</dd></div>`,
  );
  return `<dl class="card-facts">${rows.join('')}</dl>`;
}

function sectionHtml(section: CardSection): string {
  return [
    '<section class="card-section">',
    section.heading ? `<h4>${e(section.heading)}</h4>` : '',
    section.text ? markdownToHtml(section.text) : '',
    section.facts?.length ? factsHtml(section.facts) : '',
    '</section>',
  ].join('');
}

function imageHtml(image: CardImage): string {
  const img = `<img src="data:image/png;base64,${image.png.toString('base64')}" alt="${e(image.alt)}">`;
  const caption = image.title ? `<figcaption>${e(image.title)}</figcaption>` : '';
  return `<figure class="card-image">${img}${caption}</figure>`;
}

function buttonHtml(button: CardButton): string {
  const action = JSON.stringify({ verb: button.action.verb, data: button.action.data ?? {} });
  return (
    `<button type="button" class="card-button ${e(button.style ?? 'default')}" data-button-id="${e(button.id)}"` +
    ` data-verb="${e(button.action.verb)}" data-action="${e(action)}">${e(button.label)}</button>`
  );
}
