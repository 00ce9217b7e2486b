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
  // Letters and digits, optionally joined by - / _ . as some areas write them (NS-1042); upper case.
  caseRef: z.string().regex(/^(?=.{3,30}$)[A-Z0-9]+(?:[-/_.][A-Z0-9]+)*$/),
  route: z.enum(['home', 'permanence_order', 'kinship', 'adoption', 'unknown']).optional(),
  groupKey: z.string().optional(),
  milestones: z.record(z.string(), MilestoneDatesSchema),
  /** Increases on every change; updates are conditional on it so concurrent edits never overwrite silently. */
  version: z.number().int().min(0),
  demo: z.boolean().optional(),
  /**
   * The last tracker import that wrote this case, with the dates it replaced: written in the same
   * update as the dates, so an import stopped by a crash can still write this case's audit entry.
   */
  lastImport: z
    .object({ key: z.string(), row: z.union([z.number(), z.string()]), before: z.record(z.string(), MilestoneDatesSchema), version: z.number().int().min(0) })
    .optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Case = z.infer<typeof CaseSchema>;
