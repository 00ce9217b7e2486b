import type { types } from '@slack/bolt';
import { actionsBlocks, slackButtons } from './block-kit-buttons.js';
import { contentBlocks, contextBlock } from './block-kit-content.js';
import { fitBlocks } from './block-kit-fit.js';
import { SLACK_VIEW_MAX_BLOCKS } from './limits.js';
import { escapeMrkdwn } from './markdown-to-mrkdwn.js';
import type { Card } from './model.js';

/**
 * Cards stacked into an App Home view for `views.publish` (≤ 100 blocks, platforms.md §1.7). Files
 * cannot be uploaded to a Home tab, so each image is named by its alt text instead.
 */
export function toBlockKitHome(cards: Card[]): types.HomeView {
  const blocks = cards.flatMap((card, index): types.KnownBlock[] => {
    return [
      ...(index > 0 ? [{ type: 'divider' } as const] : []),
      ...contentBlocks(card),
      ...(card.images ?? []).map((image) =>
        contextBlock(`_Image not shown here:_ ${escapeMrkdwn(image.alt)}`),
      ),
      ...actionsBlocks(slackButtons(card)),
    ];
  });
  return { type: 'home', blocks: fitBlocks(blocks, [], SLACK_VIEW_MAX_BLOCKS) };
}
