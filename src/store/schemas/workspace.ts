import { z } from 'zod';

/** A Slack workspace (team, or enterprise:team) or a Teams tenant. Its id is the document `_id`. */
export const WorkspaceSchema = z.object({
  _id: z.string().min(1),
  workspaceId: z.string().min(1),
  platform: z.enum(['slack', 'teams', 'web']),
  name: z.string().max(200).optional(),
  demo: z.boolean().optional(),
  createdAt: z.date(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;
