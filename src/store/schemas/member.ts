import { z } from 'zod';
import { ObjectIdSchema, UserIdSchema } from './common.js';
import { PendingAuditSchema } from './pending-audit.js';

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
  /** Work e-mail, when the platform gave it (Slack users.lookupByEmail, the Teams roster). */
  email: z.string().max(320).optional(),
  /** Added by someone else before they first spoke to the bot (a picker, a mention, the local chat). */
  addedBy: UserIdSchema.optional(),
  createdAt: z.date(),
  /** This change's audit entry until it is written: see programme/audit/pending-audit.ts. */
  pendingAudit: PendingAuditSchema.optional(),
});
export type Member = z.infer<typeof MemberSchema>;
