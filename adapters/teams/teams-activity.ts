import { z } from 'zod';
import { ValidationError } from '../../src/errors.js';

const AccountSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  /** Entra object id: the id Teams' people picker returns, so pacebot keys Teams users by it. */
  aadObjectId: z.string().optional(),
});

const MentionSchema = z.object({
  type: z.literal('mention'),
  text: z.string().optional(),
  mentioned: AccountSchema.optional(),
});

/** The part of a Bot Framework Activity from Teams that pacebot reads; everything else passes through. */
export const TeamsActivitySchema = z.object({
  type: z.string().min(1),
  id: z.string().min(1).optional(),
  name: z.string().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().min(1),
  from: AccountSchema,
  recipient: AccountSchema,
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
    tenantId: z.string().optional(),
  }),
  channelData: z
    .object({
      tenant: z.object({ id: z.string().min(1) }).optional(),
      team: z.object({ id: z.string().min(1) }).optional(),
    })
    .optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  replyToId: z.string().optional(),
  action: z.string().optional(),
  attachments: z
    .array(
      z.object({
        contentType: z.string().optional(),
        name: z.string().optional(),
        // A file's download.info carries its pre-authorised downloadUrl here.
        content: z.object({ downloadUrl: z.string().optional() }).loose().optional(),
      }),
    )
    .optional(),
  entities: z.array(z.union([MentionSchema, z.object({ type: z.string() })])).optional(),
  membersAdded: z.array(AccountSchema).optional(),
  membersRemoved: z.array(AccountSchema).optional(),
});
export type TeamsActivity = z.infer<typeof TeamsActivitySchema>;

/** Parses an incoming activity; a malformed one is a ValidationError naming the first bad field. */
export function parseTeamsActivity(activity: unknown): TeamsActivity {
  const parsed = TeamsActivitySchema.safeParse(activity);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'activity';
    throw new ValidationError(
      'invalid_activity',
      'Sorry — I could not read that message from Teams.',
      { field },
    );
  }
  return parsed.data;
}

/** Workspace of Bot Framework Emulator sessions, which carry no tenant (local trials only). */
export const EMULATOR_WORKSPACE = 'emulator-local';

/** The tenant is the workspace; Teams puts it in channelData and (newer payloads) on the conversation. */
export function tenantOf(activity: TeamsActivity): string {
  const tenant =
    activity.channelData?.tenant?.id ??
    activity.conversation.tenantId ??
    (activity.channelId === 'emulator' ? EMULATOR_WORKSPACE : undefined);
  if (!tenant)
    throw new ValidationError(
      'no_tenant',
      'Sorry — this message came without a Microsoft 365 organisation, so I cannot tell whose data it is.',
      { field: 'channelData.tenant.id' },
    );
  return tenant;
}

/** Teams keys users by their Entra object id where it has one (people picker values use it too). */
export function userIdOf(account: TeamsActivity['from']): string {
  return account.aadObjectId ?? account.id;
}
