import { z } from 'zod';

/**
 * The parts of Slack's payloads the adapter reads, checked at the edge so a malformed payload
 * fails as a ValidationError here rather than as `undefined` deep in the core.
 * Field names are Slack's (docs.slack.dev/reference/interaction-payloads, events-api).
 */
const id = z.string().min(1);

export const MessageEventBodySchema = z.object({
  team_id: id,
  enterprise_id: z.string().nullish(),
  event_id: id,
  event: z.object({
    type: z.enum(['message', 'app_mention']),
    user: id,
    channel: id,
    channel_type: z.string().optional(),
    text: z.string().default(''),
    ts: id,
    thread_ts: z.string().optional(),
    /** A `file_share` message: what was attached (a tracker to import). */
    files: z
      .array(z.object({ id, name: z.string().optional(), size: z.number().optional() }).loose())
      .max(10)
      .optional(),
  }),
});
export type MessageEventBody = z.infer<typeof MessageEventBodySchema>;

export const SlashCommandSchema = z.object({
  team_id: id,
  enterprise_id: z.string().nullish(),
  user_id: id,
  user_name: z.string().default(''),
  channel_id: id,
  channel_name: z.string().default(''),
  text: z.string().default(''),
  trigger_id: id,
  response_url: z.string().optional(),
});
export type SlashCommandPayload = z.infer<typeof SlashCommandSchema>;

const TeamSchema = z.object({ id, enterprise_id: z.string().nullish() }).nullish();
const UserSchema = z.object({
  id,
  name: z.string().optional(),
  username: z.string().optional(),
  team_id: z.string().optional(),
});

export const BlockActionsSchema = z.object({
  team: TeamSchema,
  enterprise: z.object({ id }).nullish(),
  user: UserSchema,
  channel: z.object({ id }).nullish(),
  message: z.object({ ts: id, thread_ts: z.string().optional() }).nullish(),
  container: z.object({ type: z.string(), is_ephemeral: z.boolean().optional() }).loose(),
  trigger_id: id,
  response_url: z.string().optional(),
  actions: z
    .array(
      z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() }),
    )
    .min(1),
});
export type BlockActionsPayload = z.infer<typeof BlockActionsSchema>;

const StateValueSchema = z.object({ type: z.string() }).loose();

export const ViewSubmissionSchema = z.object({
  team: TeamSchema,
  enterprise: z.object({ id }).nullish(),
  user: UserSchema,
  trigger_id: id,
  view: z.object({
    id: z.string().optional(),
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), StateValueSchema)) }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof ViewSubmissionSchema>;
