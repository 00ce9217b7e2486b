import { z } from 'zod';
import { ObjectIdSchema, UserIdSchema } from './common.js';

/** Workspace-wide roles. "lead" is per aim group and lives on the group. */
export const WorkspaceRoleSchema = z.enum(['admin', 'coach']);
export type WorkspaceRole = z.infer<typeof WorkspaceRoleSchema>;

export const MemberSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  userId: UserIdSchema,
  name: z.string().max(200),
  roles: z.array(WorkspaceRoleSchema),
  /** No reminders until this instant (snooze or away). */
  awayUntil: z.date().nullable().optional(),
  /** Direct-message conversation id on the member's platform, once known. */
  directConversationId: z.string().optional(),
  createdAt: z.date(),
});
export type Member = z.infer<typeof MemberSchema>;
