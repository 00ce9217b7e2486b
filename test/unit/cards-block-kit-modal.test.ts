import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  SLACK_MODAL_TITLE_MAX,
  SLACK_SELECT_MAX_OPTIONS,
  SLACK_VIEW_MAX_BLOCKS,
} from '../../cards/limits.js';
import type { BlockKitStateValues } from '../../cards/read-block-kit-view-values.js';
import { readBlockKitViewValues, toBlockKitModal } from '../../cards/to-block-kit.js';
import { bigSections, cardFixture, FIXTURE_INPUT_IDS, formFixture } from './cards-fixtures.js';

const inputBlocks = (view: types.ModalView) =>
  view.blocks.filter((block): block is types.InputBlock => block.type === 'input');

/** What Slack would send back for a modal nobody touched: each element's initial value as state. */
function untouchedState(view: types.ModalView): BlockKitStateValues {
  const state: BlockKitStateValues = {};
  for (const block of inputBlocks(view)) {
    const el = block.element as unknown as Record<string, unknown> & {
      type: string;
      action_id: string;
    };
    const value: Record<string, unknown> = { type: el.type };
    if (el.type === 'plain_text_input') value.value = el.initial_value ?? null;
    if (el.type === 'datepicker') value.selected_date = el.initial_date ?? null;
    if (el.type === 'static_select') value.selected_option = el.initial_option ?? null;
    if (el.type === 'users_select') value.selected_user = el.initial_user ?? null;
    if (el.type === 'multi_users_select') value.selected_users = el.initial_users ?? [];
    state[block.block_id!] = {
      [el.action_id]: value as unknown as BlockKitStateValues[string][string],
    };
  }
  return state;
}

describe('toBlockKitModal', () => {
  it('builds a modal whose callback_id is the form id and whose metadata is the submit action', () => {
    const form = formFixture();
    const view = toBlockKitModal(cardFixture({ form }));
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: form.id,
      title: { type: 'plain_text', text: form.title },
      submit: { type: 'plain_text', text: form.submitLabel },
      close: { type: 'plain_text', text: 'Cancel' },
    });
    expect(JSON.parse(view.private_metadata!)).toEqual(form.submit);
  });

  it('passes the adapter’s own private_metadata through, and refuses one over 3,000 characters', () => {
    const card = cardFixture({ form: formFixture() });
    expect(toBlockKitModal(card, { privateMetadata: '{"c":"C1"}' }).private_metadata).toBe(
      '{"c":"C1"}',
    );
    expect(() => toBlockKitModal(card, { privateMetadata: 'x'.repeat(3001) })).toThrow(
      expect.objectContaining({ code: 'card_form_too_large' }),
    );
    expect(() => toBlockKitModal(cardFixture())).toThrow(
      expect.objectContaining({ code: 'card_has_no_form' }),
    );
  });

  it('keeps title, submit and close within 24 characters and shows a long title in a header', () => {
    const form = formFixture({
      title: 'Record a new milestone for this case reference',
      submitLabel: 'Save this milestone now please',
    });
    const view = toBlockKitModal(cardFixture({ title: form.title, form }));
    for (const text of [view.title.text, view.submit!.text, view.close!.text]) {
      expect(text.length).toBeLessThanOrEqual(SLACK_MODAL_TITLE_MAX);
    }
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: form.title } });
  });

  it('makes one input block per input with block_id and action_id equal to the input id', () => {
    const view = toBlockKitModal(cardFixture({ form: formFixture() }));
    const blocks = inputBlocks(view);
    expect(blocks.map((b) => b.block_id)).toEqual(FIXTURE_INPUT_IDS);
    for (const block of blocks)
      expect((block.element as { action_id: string }).action_id).toBe(block.block_id);
    const byId = (id: string) => blocks.find((b) => b.block_id === id)!;
    expect(byId('title')).toMatchObject({
      optional: false,
      element: { type: 'plain_text_input', max_length: 80 },
    });
    expect(byId('plan')).toMatchObject({
      optional: true,
      hint: { text: 'What will you try, and what do you predict?' },
      element: { type: 'plain_text_input', multiline: true },
    });
    expect(byId('due')).toMatchObject({
      optional: false,
      element: { type: 'datepicker', initial_date: '2026-12-01' },
    });
    expect(byId('idea')).toMatchObject({
      optional: true,
      element: { type: 'static_select', initial_option: { value: 'ci-2' } },
    });
    expect(byId('idea__other')).toMatchObject({
      optional: true,
      element: { type: 'plain_text_input' },
    });
    expect(byId('owners')).toMatchObject({
      element: { type: 'multi_users_select', initial_users: ['U111', 'U222'] },
    });
    expect(byId('lead')).toMatchObject({
      optional: false,
      element: { type: 'users_select', initial_user: 'U333' },
    });
  });

  it('leaves out an initial date Slack would reject', () => {
    const form = formFixture({
      inputs: [{ kind: 'date', id: 'due', label: 'Due', value: 'next Tuesday' }],
    });
    const element = inputBlocks(toBlockKitModal(cardFixture({ form })))[0]!
      .element as types.Datepicker;
    expect(element).toEqual({ type: 'datepicker', action_id: 'due' });
  });

  it('keeps option text within 75 characters and at most 100 options', () => {
    const options = Array.from({ length: 130 }, (_, i) => ({
      value: `o${i}`,
      label: `Option ${i} ${'x'.repeat(90)}`,
    }));
    const form = formFixture({ inputs: [{ kind: 'choice', id: 'pick', label: 'Pick', options }] });
    const element = inputBlocks(toBlockKitModal(cardFixture({ form })))[0]!
      .element as types.StaticSelect;
    expect(element.options).toHaveLength(SLACK_SELECT_MAX_OPTIONS);
    expect(element.options!.every((o) => o.text.text.length <= 75)).toBe(true);
  });

  it('keeps every input of a big card and stays within 100 blocks, noting the cut content', () => {
    const view = toBlockKitModal(
      cardFixture({ sections: bigSections(120, 40), form: formFixture() }),
    );
    expect(view.blocks.length).toBeLessThanOrEqual(SLACK_VIEW_MAX_BLOCKS);
    expect(inputBlocks(view)).toHaveLength(7);
    expect(JSON.stringify(view.blocks)).toContain('more in the web view');
  });
});

describe('readBlockKitViewValues', () => {
  it('reads a view_submission state as Slack sends it', () => {
    // Shape of `view.state.values` in a real view_submission payload (docs.slack.dev, view interactions).
    const values: BlockKitStateValues = {
      title: { title: { type: 'plain_text_input', value: 'Call before visits' } },
      plan: { plan: { type: 'plain_text_input', value: null } },
      due: { due: { type: 'datepicker', selected_date: '2026-12-03' } },
      idea: {
        idea: {
          type: 'static_select',
          selected_option: {
            text: { type: 'plain_text', text: 'Pre-visit phone call', emoji: true },
            value: 'ci-1',
          },
        } as BlockKitStateValues[string][string],
      },
      idea__other: { idea__other: { type: 'plain_text_input', value: null } },
      owners: { owners: { type: 'multi_users_select', selected_users: ['U111', 'U999'] } },
      lead: { lead: { type: 'users_select', selected_user: null } },
    };
    expect(readBlockKitViewValues(values)).toEqual({
      title: 'Call before visits',
      plan: '',
      due: '2026-12-03',
      idea: 'ci-1',
      owners: 'U111,U999',
      lead: '',
    });
  });

  it('lets a typed "other" value replace the selected choice', () => {
    const values: BlockKitStateValues = {
      idea: { idea: { type: 'static_select', selected_option: null } },
      idea__other: { idea__other: { type: 'plain_text_input', value: 'Text reminders' } },
    };
    expect(readBlockKitViewValues(values)).toEqual({ idea: 'Text reminders' });
  });

  it('is the inverse of toBlockKitModal: an untouched modal gives back the initial values', () => {
    const form = formFixture();
    const values = readBlockKitViewValues(untouchedState(toBlockKitModal(cardFixture({ form }))));
    const expected = Object.fromEntries(
      form.inputs.map((input) => [
        input.id,
        Array.isArray(input.value) ? input.value.join(',') : (input.value ?? ''),
      ]),
    );
    expect(values).toEqual(expected);
  });
});
