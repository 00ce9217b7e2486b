import { z } from 'zod';
import { ActorSchema, ObjectIdSchema } from './common.js';

/** One value of a custom measure: a month (YYYY-MM) or a date (YYYY-MM-DD; weekly values use the Monday). */
export const DataPointSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  measureKey: z.string().min(2).max(80),
  period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  value: z.number(),
  recordedBy: ActorSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type DataPoint = z.infer<typeof DataPointSchema>;
