import { z } from 'zod';
import { ActorSchema, ObjectIdSchema } from './common.js';

/** One value of a custom measure: a month (YYYY-MM) or a date (YYYY-MM-DD; weekly values use the Monday). */
export const DataPointSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  measureKey: z.string().min(2).max(80),
  period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  value: z.number(),
  /**
   * A share recorded as "17 of 20": the count and what it is out of (the value is then the share
   * in %). Kept so a P chart can weigh each month by its size.
   */
  numerator: z.number().int().min(0).optional(),
  denominator: z.number().int().min(1).optional(),
  recordedBy: ActorSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type DataPoint = z.infer<typeof DataPointSchema>;
