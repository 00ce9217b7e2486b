import type { types } from '@slack/bolt';
import { AppError } from '../src/errors.js';
import { otherInputId } from './form-values.js';
import {
  SLACK_ID_MAX,
  SLACK_INPUT_LABEL_MAX,
  SLACK_OPTION_TEXT_MAX,
  SLACK_OPTION_VALUE_MAX,
  SLACK_PLACEHOLDER_MAX,
  SLACK_PLAIN_TEXT_INPUT_MAX_LENGTH,
  SLACK_SELECT_MAX_OPTIONS,
} from './limits.js';
import type { FormInput } from './model.js';
import { restorePlain } from './plain-text.js';
import { truncateText } from './text.js';

type Element = types.InputBlock['element'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const plain = (text: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncateText(restorePlain(text), max),
  emoji: true,
});

/**
 * A form input as modal input blocks. `block_id` and `action_id` are both the input id, so
 * `view.state.values[id][id]` holds its value and `response_action: errors` can name it.
 */
export function toInputBlocks(input: FormInput): types.InputBlock[] {
  if (otherInputId(input.id).length > SLACK_ID_MAX) {
    throw new AppError('card_input_id_too_long', 'Sorry — that form could not be shown.', {
      reportable: true,
    });
  }
  const block = (element: Element, optional: boolean): types.InputBlock => ({
    type: 'input',
    block_id: input.id,
    label: plain(input.label, SLACK_INPUT_LABEL_MAX),
    optional,
    element,
    ...(input.hint && { hint: plain(input.hint, SLACK_INPUT_LABEL_MAX) }),
  });
  const required = input.required === true;
  switch (input.kind) {
    case 'text':
    case 'multiline':
      return [
        block(
          {
            type: 'plain_text_input',
            action_id: input.id,
            ...(input.kind === 'multiline' && { multiline: true }),
            ...(input.value && { initial_value: input.value }),
            ...(input.placeholder && {
              placeholder: plain(input.placeholder, SLACK_PLACEHOLDER_MAX),
            }),
            ...(input.maxLength !== undefined && {
              max_length: Math.min(input.maxLength, SLACK_PLAIN_TEXT_INPUT_MAX_LENGTH),
            }),
          },
          !required,
        ),
      ];
    case 'date':
      return [
        block(
          {
            type: 'datepicker',
            action_id: input.id,
            // Slack rejects the whole view over a malformed initial_date, so only a real one is sent.
            ...(input.value && ISO_DATE.test(input.value) && { initial_date: input.value }),
          },
          !required,
        ),
      ];
    case 'choice':
      return choiceBlocks(input, block);
    case 'people': {
      const ids = input.value ?? [];
      const element: Element = input.multiple
        ? {
            type: 'multi_users_select',
            action_id: input.id,
            ...(ids.length > 0 && { initial_users: ids }),
          }
        : { type: 'users_select', action_id: input.id, ...(ids[0] && { initial_user: ids[0] }) };
      return [block(element, !required)];
    }
  }
}

type ChoiceInput = Extract<FormInput, { kind: 'choice' }>;

function choiceBlocks(
  input: ChoiceInput,
  block: (element: Element, optional: boolean) => types.InputBlock,
): types.InputBlock[] {
  // Past 100 options Slack would reject the whole modal; the rest cannot be offered in a static list.
  const options = input.options.slice(0, SLACK_SELECT_MAX_OPTIONS).map((option) => {
    if (option.value.length > SLACK_OPTION_VALUE_MAX) {
      throw new AppError('card_option_value_too_long', 'Sorry — that form could not be shown.', {
        reportable: true,
      });
    }
    return { text: plain(option.label, SLACK_OPTION_TEXT_MAX), value: option.value };
  });
  const initial = options.find((option) => option.value === input.value);
  const select = block(
    {
      type: 'static_select',
      action_id: input.id,
      placeholder: plain('Choose…', SLACK_PLACEHOLDER_MAX),
      options,
      ...(initial && { initial_option: initial }),
    },
    // With "other", either input may carry the answer; the core checks that one did.
    input.required !== true || input.allowOther === true,
  );
  if (!input.allowOther) return [select];
  const other: types.InputBlock = {
    type: 'input',
    block_id: otherInputId(input.id),
    label: plain(`Or type a new one (${input.label})`, SLACK_INPUT_LABEL_MAX),
    optional: true,
    element: { type: 'plain_text_input', action_id: otherInputId(input.id) },
  };
  return [select, other];
}
