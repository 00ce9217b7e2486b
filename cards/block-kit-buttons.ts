import type { types } from '@slack/bolt';
import { AppError } from '../src/errors.js';
import {
  SLACK_ACTIONS_MAX_ELEMENTS,
  SLACK_BUTTON_TEXT_MAX,
  SLACK_BUTTON_VALUE_MAX,
  SLACK_ID_MAX,
} from './limits.js';
import type { Card, CardAction, CardButton } from './model.js';
import { restorePlain } from './plain-text.js';
import { truncateText } from './text.js';

/**
 * A button's `value` is the JSON of its action, `{ verb, data }`, so the adapter gets the action
 * back with `JSON.parse` and no lookup. Cutting it would corrupt it, so an oversized one is a bug.
 */
export function buttonElement(button: CardButton): types.Button {
  const value = JSON.stringify({
    verb: button.action.verb,
    data: button.action.data ?? {},
  } satisfies CardAction);
  if (value.length > SLACK_BUTTON_VALUE_MAX || button.id.length > SLACK_ID_MAX) {
    throw new AppError('card_action_too_large', 'Sorry — that card could not be shown.', {
      reportable: true,
    });
  }
  return {
    type: 'button',
    action_id: button.id,
    text: {
      type: 'plain_text',
      text: truncateText(restorePlain(button.label), SLACK_BUTTON_TEXT_MAX),
      emoji: true,
    },
    value,
    ...(button.style === 'primary' || button.style === 'danger' ? { style: button.style } : {}),
  };
}

/** Buttons as actions blocks of at most 25 elements each. */
export function actionsBlocks(buttons: CardButton[]): types.ActionsBlock[] {
  const blocks: types.ActionsBlock[] = [];
  for (let start = 0; start < buttons.length; start += SLACK_ACTIONS_MAX_ELEMENTS) {
    blocks.push({
      type: 'actions',
      elements: buttons.slice(start, start + SLACK_ACTIONS_MAX_ELEMENTS).map(buttonElement),
    });
  }
  return blocks;
}

/**
 * A card's buttons on a Slack surface. A form cannot be shown there, so it is offered as one more
 * button carrying `form.openAction`, whose click brings the trigger_id that `views.open` needs.
 */
export function slackButtons(card: Card): CardButton[] {
  const buttons = [...(card.buttons ?? [])];
  const form = card.form;
  if (form?.openAction) {
    buttons.push({
      id: `${form.id}__open`,
      label: form.title,
      action: form.openAction,
      style: 'primary',
    });
  }
  return buttons;
}
