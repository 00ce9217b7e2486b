/**
 * Every platform limit the renderers enforce, in one place. Sources are in
 * /work/shared/docs/platforms.md (§1.5 messages, §1.6 modals, §1.7 App Home, §2.4–2.5 Teams) and the
 * JSDoc of `@slack/types` 3.x (`block-kit/*.d.ts`, `views.d.ts`), which repeats docs.slack.dev.
 */

/** Slack: at most 50 blocks in a message (docs.slack.dev/reference/block-kit/blocks). */
export const SLACK_MESSAGE_MAX_BLOCKS = 50;
/** Slack: at most 100 blocks in a modal or Home tab view (`@slack/types` views.ts). */
export const SLACK_VIEW_MAX_BLOCKS = 100;
/**
 * Slack: `msg_blocks_too_long` has been seen at ~13,000 characters of block text in one message
 * (slackapi/bolt-js issue #2509), far below the sum of the per-block limits, so we stop earlier.
 */
export const SLACK_MESSAGE_TEXT_BUDGET = 12_000;
/** Slack: header block plain_text ≤ 150 characters. */
export const SLACK_HEADER_TEXT_MAX = 150;
/** Slack: section `text` 1–3,000 characters. */
export const SLACK_SECTION_TEXT_MAX = 3000;
/** Slack: a section holds at most 10 `fields`. */
export const SLACK_SECTION_FIELDS_MAX = 10;
/** Slack: each section field ≤ 2,000 characters. */
export const SLACK_SECTION_FIELD_TEXT_MAX = 2000;
/** Slack: a context block holds at most 10 elements. */
export const SLACK_CONTEXT_ELEMENTS_MAX = 10;
/** Slack: an actions block holds at most 25 elements. */
export const SLACK_ACTIONS_MAX_ELEMENTS = 25;
/** Slack: button text ≤ 75 characters. */
export const SLACK_BUTTON_TEXT_MAX = 75;
/** Slack: button `value` ≤ 2,000 characters. */
export const SLACK_BUTTON_VALUE_MAX = 2000;
/** Slack: `action_id` and `block_id` ≤ 255 characters. */
export const SLACK_ID_MAX = 255;
/** Slack: option text ≤ 75 characters. */
export const SLACK_OPTION_TEXT_MAX = 75;
/** Slack: option `value` ≤ 75 characters per `@slack/types` (docs.slack.dev says 150; take the lower). */
export const SLACK_OPTION_VALUE_MAX = 75;
/** Slack: static_select holds at most 100 options. */
export const SLACK_SELECT_MAX_OPTIONS = 100;
/** Slack: input block `label` and `hint` ≤ 2,000 characters. */
export const SLACK_INPUT_LABEL_MAX = 2000;
/** Slack: element `placeholder` ≤ 150 characters. */
export const SLACK_PLACEHOLDER_MAX = 150;
/** Slack: plain_text_input `max_length` ≤ 3,000. */
export const SLACK_PLAIN_TEXT_INPUT_MAX_LENGTH = 3000;
/** Slack: modal `title`, `submit` and `close` ≤ 24 characters (api.slack.com/reference/surfaces/views). */
export const SLACK_MODAL_TITLE_MAX = 24;
/** Slack: view `private_metadata` ≤ 3,000 characters. */
export const SLACK_PRIVATE_METADATA_MAX = 3000;
/** Slack: view `callback_id` ≤ 255 characters. */
export const SLACK_CALLBACK_ID_MAX = 255;
/** Slack: messages over 40,000 characters are cut; Slack recommends ≤ 4,000 for `text`. */
export const SLACK_FALLBACK_TEXT_MAX = 4000;

/** Teams: bot-sent Adaptive Cards must be schema 1.5 or earlier; Action.Execute needs 1.5 (§2.4). */
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/**
 * Teams: our card budget, in UTF-16 code units of the card JSON with base64 image payloads left out
 * (Teams does not count them, §2.5). 28 KB is the Workflows/incoming-webhook limit, the lowest of
 * the documented ones (bot messages: ~40 KB in older docs, ~100 KB now), so a card that fits may go
 * out by either route.
 */
export const TEAMS_CARD_BUDGET = 28_000;
/** Teams: inline card images must be under 1 MB (cards-reference.md "Inline card images"). */
export const TEAMS_IMAGE_MAX_BYTES = 1024 * 1024;
/** Teams: inline card images at most 1024×1024 pixels. */
export const TEAMS_IMAGE_MAX_SIDE = 1024;
