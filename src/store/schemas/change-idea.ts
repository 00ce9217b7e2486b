import { z } from 'zod';
import { ObjectIdSchema } from './common.js';

/** An entry of the change-idea library, per aim (stage aims 1–4 or a group's own). */
export const ChangeIdeaSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  key: z.string().regex(/^[a-z0-9-]{2,60}$/),
  aim: z.string().max(40),
  title: z.string().trim().min(3).max(120),
  description: z.string().trim().max(1000),
  source: z.enum(['programme', 'coach']),
  retired: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ChangeIdea = z.infer<typeof ChangeIdeaSchema>;
