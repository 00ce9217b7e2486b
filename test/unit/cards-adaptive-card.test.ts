import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { AcAction, AcElement } from '../../cards/adaptive-card-types.js';
import { TEAMS_CARD_BUDGET } from '../../cards/limits.js';
import type { CardAction } from '../../cards/model.js';
import { MORE_NOTE } from '../../cards/text.js';
import { adaptiveCardSize, toAdaptiveCard } from '../../cards/to-adaptive-card.js';
import { bigSections, cardFixture, FIXTURE_INPUT_IDS, formFixture, png } from './cards-fixtures.js';

/**
 * A hand-written subset of the Adaptive Card 1.5 JSON schema (adaptivecards.io): the element and
 * action types we emit, their required properties, and no properties outside the schema's lists.
 */
const input = (type: string, extra: Record<string, object>) => ({
  type: 'object',
  required: ['type', 'id', 'label'],
  additionalProperties: false,
  properties: {
    type: { const: type },
    id: { type: 'string', minLength: 1 },
    label: { type: 'string' },
    isRequired: { type: 'boolean' },
    errorMessage: { type: 'string' },
    placeholder: { type: 'string' },
    value: { type: 'string' },
    separator: { type: 'boolean' },
    spacing: { type: 'string' },
    ...extra,
  },
});
const textBlock = {
  type: 'object',
  required: ['type', 'text'],
  additionalProperties: false,
  properties: Object.fromEntries(
    ['type', 'text', 'size', 'weight', 'wrap', 'isSubtle', 'spacing', 'separator', 'style'].map(
      (k) => [k, {}],
    ),
  ),
};
const factSet = {
  type: 'object',
  required: ['type', 'facts'],
  properties: {
    type: { const: 'FactSet' },
    facts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['title', 'value'],
        additionalProperties: false,
        properties: { title: { type: 'string' }, value: { type: 'string' } },
      },
    },
  },
};
const element = {
  oneOf: [
    { ...textBlock, properties: { ...textBlock.properties, type: { const: 'TextBlock' } } },
    factSet,
    {
      type: 'object',
      required: ['type', 'items'],
      properties: {
        type: { const: 'Container' },
        items: { type: 'array', items: { $ref: '#/$defs/element' } },
      },
    },
    {
      type: 'object',
      required: ['type', 'url', 'altText'],
      additionalProperties: false,
      properties: {
        type: { const: 'Image' },
        url: { pattern: '^data:image/png;base64,' },
        altText: { minLength: 1 },
      },
    },
    input('Input.Text', { isMultiline: { type: 'boolean' }, maxLength: { type: 'number' } }),
    input('Input.Date', {}),
    input('Input.ChoiceSet', {
      style: { enum: ['compact', 'expanded', 'filtered'] },
      isMultiSelect: { type: 'boolean' },
      choices: { type: 'array', items: { type: 'object', required: ['title', 'value'] } },
      // Teams' people-picker extension (not in the 1.5 schema itself).
      'choices.data': { type: 'object', required: ['type', 'dataset'] },
    }),
  ],
};
const submit = {
  type: 'object',
  required: ['type', 'title', 'data'],
  additionalProperties: false,
  properties: {
    type: { const: 'Action.Submit' },
    title: { type: 'string' },
    data: { type: 'object', required: ['verb'] },
    style: { enum: ['positive', 'destructive'] },
    associatedInputs: { enum: ['auto', 'none'] },
  },
};
const execute = {
  type: 'object',
  required: ['type', 'title', 'verb', 'data', 'fallback'],
  additionalProperties: false,
  properties: {
    ...submit.properties,
    type: { const: 'Action.Execute' },
    id: {},
    verb: { type: 'string' },
    fallback: submit,
  },
};
const validateCard = new Ajv({ strict: false }).compile({
  $defs: { element },
  type: 'object',
  required: ['type', '$schema', 'version', 'body'],
  additionalProperties: false,
  properties: {
    type: { const: 'AdaptiveCard' },
    $schema: { type: 'string' },
    version: { const: '1.5' },
    body: { type: 'array', minItems: 1, items: { $ref: '#/$defs/element' } },
    actions: { type: 'array', items: execute },
    fallbackText: { type: 'string' },
  },
});

const actionFromData = (data: Record<string, unknown>): CardAction => {
  const { verb, ...rest } = data;
  return { verb: verb as string, data: rest as CardAction['data'] };
};
const allElements = (elements: AcElement[]): AcElement[] =>
  elements.flatMap((el) => [
    el,
    ...(Array.isArray(el.items) ? allElements(el.items as AcElement[]) : []),
  ]);

describe('toAdaptiveCard', () => {
  it('produces a 1.5 card that fits the schema subset, title first as a large bold heading', () => {
    const json = toAdaptiveCard(cardFixture({ form: formFixture() }));
    expect(validateCard(json), JSON.stringify(validateCard.errors)).toBe(true);
    expect(json.body[0]).toMatchObject({
      type: 'TextBlock',
      text: cardFixture().title,
      size: 'large',
      weight: 'bolder',
      wrap: true,
    });
    expect(json.fallbackText).toContain('Cases: 12');
  });

  it('renders facts as FactSets and section markdown as TextBlocks', () => {
    const elements = allElements(toAdaptiveCard(cardFixture()).body);
    // A fact value is card markdown, so *5* is bold as on the other surfaces (Teams reads * as italic).
    expect(elements.find((el) => el.type === 'FactSet')?.facts).toEqual([
      { title: 'Cases', value: '12' },
      { title: 'Milestones this week', value: '**5**' },
    ]);
    const texts = elements.filter((el) => el.type === 'TextBlock').map((el) => el.text);
    expect(texts).toContain('Two ideas **in test**, one _adopted_.');
    expect(texts).toContain(
      '- Pre-visit call\r- Shared notes: see [guide](https://example.org/guide)',
    );
  });

  it('makes each button an Action.Execute whose data round-trips, with an Action.Submit fallback', () => {
    const card = cardFixture();
    const actions = toAdaptiveCard(card).actions!;
    expect(actions).toHaveLength(card.buttons!.length);
    for (const button of card.buttons!) {
      const action = actions.find((a) => a.id === button.id)!;
      expect(action).toMatchObject({
        type: 'Action.Execute',
        verb: button.action.verb,
        title: button.label,
      });
      expect(actionFromData(action.data)).toEqual(button.action);
      expect(action.fallback).toMatchObject({
        type: 'Action.Submit',
        data: action.data,
        title: button.label,
      });
      expect(action.associatedInputs).toBeUndefined();
    }
    expect(actions[0]!.style).toBe('positive');
  });

  it('does not let a data key overwrite the verb', () => {
    const card = cardFixture({
      buttons: [{ id: 'b', label: 'B', action: { verb: 'real', data: { verb: 'fake' } } }],
    });
    expect(toAdaptiveCard(card).actions![0]!.data.verb).toBe('real');
  });

  it('turns the form into labelled inputs and a submit that carries formId and verb', () => {
    const form = formFixture();
    const json = toAdaptiveCard(cardFixture({ form }));
    const inputs = json.body.filter((el) => el.type.startsWith('Input.'));
    expect(inputs.map((el) => el.id)).toEqual(FIXTURE_INPUT_IDS);
    for (const el of inputs) {
      expect(el.label).toEqual(expect.any(String));
      expect(el.errorMessage).toEqual(expect.any(String));
      expect(typeof el.isRequired).toBe('boolean');
    }
    const byId = (id: string) => inputs.find((el) => el.id === id)!;
    expect(byId('title')).toMatchObject({ type: 'Input.Text', isRequired: true, maxLength: 80 });
    expect(byId('plan')).toMatchObject({
      type: 'Input.Text',
      isMultiline: true,
      isRequired: false,
    });
    expect(byId('due')).toMatchObject({
      type: 'Input.Date',
      value: '2026-12-01',
      isRequired: true,
    });
    // With "other", the list alone cannot be required: the typed value may be the answer.
    expect(byId('idea')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'compact',
      value: 'ci-2',
      isRequired: false,
    });
    expect(byId('owners')).toMatchObject({
      isMultiSelect: true,
      value: 'U111,U222',
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
    expect(byId('lead')).toMatchObject({ isMultiSelect: false, isRequired: true });

    const submitAction = json.actions!.find((a) => a.id === `${form.id}__submit`)!;
    expect(submitAction).toMatchObject({
      type: 'Action.Execute',
      verb: 'pdsa.create',
      title: 'Save cycle',
    });
    expect(submitAction.data).toEqual({ groupId: 'g-1', formId: form.id, verb: 'pdsa.create' });
    expect(submitAction.fallback?.data).toEqual(submitAction.data);
  });

  it('keeps plain buttons from collecting and validating the form inputs', () => {
    const actions = toAdaptiveCard(cardFixture({ form: formFixture() })).actions!;
    const plainButtons = actions.filter((a: AcAction) => !a.id?.endsWith('__submit'));
    expect(plainButtons.map((a) => a.associatedInputs)).toEqual(['none', 'none']);
    expect(plainButtons.map((a) => a.fallback?.associatedInputs)).toEqual(['none', 'none']);
  });

  it('embeds images as PNG data URIs with alt text, or leaves them out when asked', () => {
    const image = cardFixture().images![0]!;
    const withImages = toAdaptiveCard(cardFixture()).body.find((el) => el.type === 'Image')!;
    expect(withImages.altText).toBe(image.alt);
    expect(Buffer.from(String(withImages.url).split(',')[1]!, 'base64').equals(image.png)).toBe(
      true,
    );
    expect(
      toAdaptiveCard(cardFixture(), { imageDataUri: false }).body.some((el) => el.type === 'Image'),
    ).toBe(false);
  });

  it('replaces an image Teams would refuse (> 1024 px or ≥ 1 MB) by its alt text', () => {
    for (const big of [png(1500, 10), Buffer.alloc(1024 * 1024)]) {
      const body = toAdaptiveCard(cardFixture({ images: [{ png: big, alt: 'Wide chart' }] })).body;
      expect(body.some((el) => el.type === 'Image')).toBe(false);
      expect(body.at(-1)?.text).toContain('Wide chart');
    }
  });
});

describe('adaptiveCardSize and the size budget', () => {
  it('counts UTF-16 units of the JSON and leaves base64 image payloads out', () => {
    const text = { type: 'TextBlock', text: 'héllo 😀' };
    expect(adaptiveCardSize(text)).toBe(JSON.stringify(text).length);
    const image = { type: 'Image', url: `data:image/png;base64,${'A'.repeat(50_000)}` };
    expect(adaptiveCardSize(image)).toBe(
      JSON.stringify({ type: 'Image', url: 'data:image/png;base64,' }).length,
    );
  });

  it('leaves a card under the budget untouched', () => {
    const json = toAdaptiveCard(cardFixture({ sections: bigSections(5) }));
    expect(json.body.filter((el) => el.type === 'Container')).toHaveLength(5);
    expect(JSON.stringify(json)).not.toContain(MORE_NOTE);
  });

  it('cuts sections from the end to fit 28 KB and says the rest is in the web view', () => {
    const sections = bigSections(60);
    const card = cardFixture({ sections, form: formFixture() });
    const uncut = JSON.stringify({ body: sections }).length;
    expect(uncut).toBeGreaterThan(TEAMS_CARD_BUDGET);

    const json = toAdaptiveCard(card);
    expect(adaptiveCardSize(json)).toBeLessThanOrEqual(TEAMS_CARD_BUDGET);
    const containers = json.body.filter((el) => el.type === 'Container');
    expect(containers.length).toBeGreaterThan(10);
    expect(containers.length).toBeLessThan(60);
    expect((containers[0]!.items as AcElement[])[1]!.text).toBe(sections[0]!.text);
    expect(json.body.some((el) => el.text === MORE_NOTE)).toBe(true);
    // What the reader must act on survives the cut.
    expect(json.body.filter((el) => el.type.startsWith('Input.'))).toHaveLength(7);
    expect(json.actions).toHaveLength(3);
  });

  it('halves one huge section rather than dropping it, and honours a custom budget', () => {
    const huge = { heading: 'Notes', text: 'word '.repeat(3000) };
    const json = toAdaptiveCard(cardFixture({ sections: [huge] }), { budget: 8000 });
    expect(adaptiveCardSize(json)).toBeLessThanOrEqual(8000);
    const kept = json.body.find((el) => el.type === 'Container')!.items as AcElement[];
    expect(String(kept[1]!.text).length).toBeGreaterThan(1000);
    expect(String(kept[1]!.text).endsWith('…')).toBe(true);
  });
});
