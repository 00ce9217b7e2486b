import { z } from 'zod';
import { ActorSchema, ObjectIdSchema } from './common.js';

/**
 * An entry of the change-idea library, per aim: a stage aim ('aim-1' … 'aim-4'), 'all' for ideas that
 * serve the whole journey, or an aim group's key for a group's own ideas.
 */
export const ChangeIdeaSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  key: z.string().regex(/^[a-z0-9-]{2,60}$/),
  aim: z.string().max(40),
  title: z.string().trim().min(3).max(120),
  description: z.string().trim().max(1000),
  source: z.enum(['programme', 'coach']),
  retired: z.boolean(),
  /** Who added it; absent for the programme's published ideas. */
  createdBy: ActorSchema.optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ChangeIdea = z.infer<typeof ChangeIdeaSchema>;
