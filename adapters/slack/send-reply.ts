import type { webApi } from '@slack/bolt';
import { escapeMrkdwn, markdownToMrkdwn } from '../../cards/markdown-to-mrkdwn.js';
import type { Card, CardButton, CardImage } from '../../cards/model.js';
import { toBlockKitMessage, toBlockKitModal } from '../../cards/to-block-kit.js';
import type { Reply } from '../../src/conversation/turn.js';
import { postMessage } from './post-message.js';
import type { ReplyTarget } from './reply-target.js';
import { encodeViewMetadata } from './view-metadata.js';
import { restorePlain } from '../../cards/plain-text.js';

/** Adapter-only verb: a button that sends the user's own words back with a fresh trigger_id. */
export const OPEN_FORM_VERB = 'slack.form.open';
/** Button values hold 2,000 characters; the words ride inside a JSON action. */
const OPEN_FORM_TEXT_MAX = 1500;

/**
 * Renders the core's replies for Slack, in order, except that a form goes first: its trigger_id is
 * single-use and dies 3 s after the interaction (platforms.md §1.6), so nothing slow runs first.
 */
export async function sendReplies(
  client: webApi.WebClient,
  replies: Reply[],
  target: ReplyTarget,
): Promise<void> {
  const forms = replies.filter((r) => r.kind === 'form');
  const ordered = [...forms, ...replies.filter((r) => r.kind !== 'form')];
  let triggerId = target.triggerId;
  for (const reply of ordered) {
    switch (reply.kind) {
      case 'text':
        await postMessage(client, target, { text: markdownToMrkdwn(reply.text) });
        break;
      case 'card':
        await sendCard(client, target, reply.card, reply.replaces === true);
        break;
      case 'form':
        if (!triggerId || !(await openModal(client, reply.card, triggerId, target))) {
          await sendCard(client, target, withOpenFormButton(reply.card, target.sourceText), false);
        }
        triggerId = undefined;
        break;
      case 'form_errors':
        // Outside a modal there is nowhere inline to show them: say them above the card.
        await postMessage(client, target, { text: escapeMrkdwn(Object.values(reply.errors).join('\n')) });
        await sendCard(client, target, withOpenFormButton(reply.card, target.sourceText), false);
        break;
      case 'image':
        await uploadImage(client, target, reply);
        break;
      case 'file':
        await uploadFile(client, target, reply);
        break;
    }
  }
}

/**
 * Opens a card's form as a modal, remembering where to answer in `private_metadata`. Returns false
 * when the trigger had already expired or been used, so the caller can offer a button instead.
 */
export async function openModal(
  client: webApi.WebClient,
  card: Card,
  triggerId: string,
  target: ReplyTarget,
): Promise<boolean> {
  const view = toBlockKitModal(card, { privateMetadata: modalMetadata(card, target) });
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return true;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code === 'expired_trigger_id' || code === 'exchanged_trigger_id') return false;
    throw error;
  }
}

export function modalMetadata(card: Card, target: ReplyTarget): string {
  return encodeViewMetadata({
    a: card.form?.submit ?? { verb: 'none' },
    c: target.channel,
    ...(target.threadTs ? { t: target.threadTs } : {}),
    ...(target.responseUrl ? { r: target.responseUrl } : {}),
  });
}

async function sendCard(
  client: webApi.WebClient,
  target: ReplyTarget,
  card: Card,
  replace: boolean,
): Promise<void> {
  const { text, blocks, images } = toBlockKitMessage(card);
  await postMessage(client, target, { text, blocks }, { replace });
  // Block Kit images need a public URL; ours are PNG bytes, so they go up as files beside the card.
  for (const image of images) await uploadImage(client, target, image);
}

/**
 * A typed message brings no trigger_id, so a form it asked for is offered as a button: the form's
 * own open action if the core gave one, else the user's words sent back on click.
 */
function withOpenFormButton(card: Card, sourceText: string | undefined): Card {
  const form = card.form;
  if (!form || form.openAction || !sourceText || sourceText.length > OPEN_FORM_TEXT_MAX) return card;
  const open: CardButton = {
    id: 'slack_open_form',
    label: 'Open form',
    style: 'primary',
    action: { verb: OPEN_FORM_VERB, data: { text: sourceText } },
  };
  return { ...card, buttons: [...(card.buttons ?? []), open] };
}

/**
 * files.upload is gone; filesUploadV2 runs getUploadURLExternal → POST → completeUploadExternal
 * (platforms.md §1.4).
 */
export async function uploadImage(
  client: webApi.WebClient,
  target: ReplyTarget,
  image: Pick<CardImage, 'png' | 'alt' | 'title'>,
): Promise<void> {
  const file = {
    channel_id: target.channel,
    file: image.png,
    filename: 'chart.png',
    // Slack shows both as typed: the characters `plain()` stood in for go back.
    title: restorePlain(image.title ?? image.alt.slice(0, 80)),
    alt_text: restorePlain(image.alt).slice(0, 1000),
  };
  await client.filesUploadV2(target.threadTs ? { ...file, thread_ts: target.threadTs } : file);
}

/** A file to keep (an export), uploaded into the conversation it was asked for in. */
export async function uploadFile(
  client: webApi.WebClient,
  target: ReplyTarget,
  reply: Extract<Reply, { kind: 'file' }>,
): Promise<void> {
  const file = {
    channel_id: target.channel,
    file: reply.data,
    filename: reply.fileName,
    title: reply.title.slice(0, 200),
    initial_comment: reply.alt.slice(0, 1000),
  };
  await client.filesUploadV2(target.threadTs ? { ...file, thread_ts: target.threadTs } : file);
}
