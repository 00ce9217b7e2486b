import { z } from 'zod';
import type { CardAction } from '../../cards/model.js';
import { ValidationError } from '../../src/errors.js';

const ActionSchema = z.object({
  verb: z.string().min(1).max(200),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

/**
 * What a modal carries in `private_metadata` (≤ 3,000 characters, returned untouched with the
 * submission): the form's submit action and where to answer, since a submission has no channel.
 */
export const ViewMetadataSchema = z.object({
  /** The form's submit action. */
  a: ActionSchema,
  /** Conversation to post the answer in. */
  c: z.string().optional(),
  /** Thread of that conversation. */
  t: z.string().optional(),
  /** response_url of the slash command that asked for the form: answer ephemerally where typed. */
  r: z.string().optional(),
});
export type ViewMetadata = z.infer<typeof ViewMetadataSchema>;

const FORM_EXPIRED = 'Sorry — that form has expired. Please open it again.';
const BUTTON_EXPIRED = 'That button has expired. Type `help` to see what you can do.';

export function encodeViewMetadata(metadata: ViewMetadata): string {
  return JSON.stringify(metadata);
}

/** Reads our metadata; a bare CardAction (the renderer's default) is accepted too. */
export function decodeViewMetadata(raw: string): ViewMetadata {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ValidationError('slack_view_metadata', FORM_EXPIRED, { cause: error });
  }
  const ours = ViewMetadataSchema.safeParse(json);
  if (ours.success) return ours.data;
  const bare = ActionSchema.safeParse(json);
  if (bare.success) return { a: bare.data as CardAction };
  throw new ValidationError('slack_view_metadata', FORM_EXPIRED);
}

/** A button's `value` is the JSON of its action (cards/block-kit-buttons.ts). */
export function decodeButtonValue(value: string | undefined): CardAction {
  try {
    return ActionSchema.parse(JSON.parse(value ?? ''));
  } catch (error) {
    throw new ValidationError('slack_button_value', BUTTON_EXPIRED, { cause: error });
  }
}
