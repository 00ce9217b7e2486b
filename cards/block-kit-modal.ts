import type { types } from '@slack/bolt';
import { AppError } from '../src/errors.js';
import { contentBlocks, headerBlock } from './block-kit-content.js';
import { fitBlocks } from './block-kit-fit.js';
import { toInputBlocks } from './block-kit-inputs.js';
import {
  SLACK_CALLBACK_ID_MAX,
  SLACK_MODAL_TITLE_MAX,
  SLACK_PRIVATE_METADATA_MAX,
  SLACK_VIEW_MAX_BLOCKS,
} from './limits.js';
import type { Card } from './model.js';
import { restorePlain } from './plain-text.js';
import { truncateText } from './text.js';

export interface BlockKitModalOptions {
  /**
   * Replaces the default `private_metadata` (the JSON of `form.submit`) when the adapter needs more
   * context, e.g. the channel to answer in. Slack returns it untouched with the submission.
   */
  privateMetadata?: string;
}

const plain = (text: string): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncateText(restorePlain(text), SLACK_MODAL_TITLE_MAX),
  emoji: true,
});

/**
 * A card's form as a Slack modal for `views.open` (platforms.md §1.6): title, submit and close
 * ≤ 24 characters, ≤ 100 blocks with every input kept, `callback_id` = form id.
 */
export function toBlockKitModal(card: Card, options: BlockKitModalOptions = {}): types.ModalView {
  const form = card.form;
  if (!form)
    throw new AppError('card_has_no_form', 'Sorry — there is no form to open.', {
      reportable: true,
    });
  const privateMetadata = options.privateMetadata ?? JSON.stringify(form.submit);
  if (
    privateMetadata.length > SLACK_PRIVATE_METADATA_MAX ||
    form.id.length > SLACK_CALLBACK_ID_MAX
  ) {
    throw new AppError('card_form_too_large', 'Sorry — that form could not be opened.', {
      reportable: true,
    });
  }
  // The title bar holds 24 characters; a longer title (or a card title of its own) goes in a header.
  const needsHeader = form.title.length > SLACK_MODAL_TITLE_MAX || card.title !== form.title;
  const content = [
    ...(needsHeader ? [headerBlock(card.title === form.title ? form.title : card.title)] : []),
    ...contentBlocks(card, { header: false }),
  ];
  return {
    type: 'modal',
    callback_id: form.id,
    title: plain(form.title),
    submit: plain(form.submitLabel),
    close: plain('Cancel'),
    private_metadata: privateMetadata,
    blocks: fitBlocks(content, form.inputs.flatMap(toInputBlocks), SLACK_VIEW_MAX_BLOCKS),
  };
}
