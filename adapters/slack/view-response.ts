import type { Card } from '../../cards/model.js';
import { restorePlain } from '../../cards/plain-text.js';
import { toBlockKitModal } from '../../cards/to-block-kit.js';
import type { Reply } from '../../src/conversation/turn.js';
import type { ReplyTarget } from './reply-target.js';
import { modalMetadata } from './send-reply.js';

export type ViewResponse =
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'update'; view: ReturnType<typeof toBlockKitModal> };

/**
 * What the ack of a `view_submission` carries (platforms.md §1.6): field errors stay in the modal
 * beside their inputs (block_id = input id); a follow-up form replaces the modal; anything else
 * closes it and is posted afterwards (`rest`).
 */
export function viewResponseFor(
  replies: Reply[],
  target: ReplyTarget,
): { response?: ViewResponse; rest: Reply[] } {
  const index = replies.findIndex((r) => r.kind === 'form_errors' || r.kind === 'form');
  const reply = replies[index];
  if (!reply) return { rest: replies };
  const rest = replies.filter((_, i) => i !== index);
  if (reply.kind === 'form_errors') {
    const errors = onInputs(reply.errors, reply.card);
    return { response: { response_action: 'errors', errors }, rest };
  }
  if (reply.kind === 'form') {
    const privateMetadata = modalMetadata(reply.card, target);
    const view = toBlockKitModal(reply.card, { privateMetadata });
    return { response: { response_action: 'update', view }, rest };
  }
  return { rest: replies };
}

/** Slack refuses errors for block ids the modal lacks: a form-wide message goes on the first input. */
function onInputs(errors: Record<string, string>, card: Card): Record<string, string> {
  const ids = new Set((card.form?.inputs ?? []).map((input) => input.id));
  const first = card.form?.inputs[0]?.id;
  const mapped: Record<string, string> = {};
  for (const [field, marked] of Object.entries(errors)) {
    // Slack shows these as plain text: the characters `plain()` stood in for go back as typed.
    const message = restorePlain(marked);
    const blockId = ids.has(field) ? field : first;
    if (!blockId) continue;
    mapped[blockId] = mapped[blockId] ? `${mapped[blockId]} ${message}` : message;
  }
  return mapped;
}
