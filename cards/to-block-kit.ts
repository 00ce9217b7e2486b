import type { types } from '@slack/bolt';
import { actionsBlocks, slackButtons } from './block-kit-buttons.js';
import { contentBlocks } from './block-kit-content.js';
import { fitBlocks } from './block-kit-fit.js';
import {
  SLACK_FALLBACK_TEXT_MAX,
  SLACK_MESSAGE_MAX_BLOCKS,
  SLACK_MESSAGE_TEXT_BUDGET,
} from './limits.js';
import { escapeMrkdwn } from './markdown-to-mrkdwn.js';
import type { Card, CardImage } from './model.js';
import { plainSummary, truncateText } from './text.js';

export { toBlockKitHome } from './block-kit-home.js';
export { toBlockKitModal } from './block-kit-modal.js';
export { readBlockKitViewValues } from './read-block-kit-view-values.js';

export interface BlockKitMessage {
  /** Notification and screen-reader text; Slack wants it whenever `blocks` is sent (platforms.md §1.5). */
  text: string;
  blocks: types.KnownBlock[];
  /** Block Kit images need a public URL, so the adapter uploads these with `files.uploadV2` instead. */
  images: CardImage[];
}

/**
 * A card as a `chat.postMessage` body: at most 50 blocks and ~12,000 characters of blocks, with
 * the buttons (and the form's open button) always kept.
 */
export function toBlockKitMessage(card: Card): BlockKitMessage {
  const buttons = actionsBlocks(slackButtons(card));
  const blocks = fitBlocks(
    contentBlocks(card),
    buttons,
    SLACK_MESSAGE_MAX_BLOCKS,
    SLACK_MESSAGE_TEXT_BUDGET,
  );
  return {
    text: escapeMrkdwn(truncateText(plainSummary(card), SLACK_FALLBACK_TEXT_MAX)),
    blocks,
    images: card.images ?? [],
  };
}
