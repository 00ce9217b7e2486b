import { z } from 'zod';
import { IsoDateSchema, ObjectIdSchema } from './common.js';

export const MilestoneDatesSchema = z.object({
  actual: IsoDateSchema.optional(),
  planned: IsoDateSchema.optional(),
});
export type MilestoneDates = z.infer<typeof MilestoneDatesSchema>;

/** A child's journey, held under a pseudonymous case reference only — never a name. */
export const CaseSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  caseRef: z.string().regex(/^[A-Z0-9]{3,20}$/),
  route: z.enum(['home', 'permanence_order', 'kinship', 'adoption', 'unknown']).optional(),
  groupKey: z.string().optional(),
  milestones: z.record(z.string(), MilestoneDatesSchema),
  /** Increases on every change; updates are conditional on it so concurrent edits never overwrite silently. */
  version: z.number().int().min(0),
  demo: z.boolean().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Case = z.infer<typeof CaseSchema>;
