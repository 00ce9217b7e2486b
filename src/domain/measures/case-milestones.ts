import { z } from 'zod';
import { isCalendarDate } from './calendar.js';

/** A calendar date as YYYY-MM-DD that exists (no 31 April). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' })
  .refine(isCalendarDate, {
    error: 'is not a real calendar date',
  });

export const MilestoneDatesSchema = z.object({
  /** The date the child reached the milestone; only these count in measures. */
  actual: IsoDateSchema.optional(),
  /** A date the milestone is expected; measures ignore it (the child has not reached it). */
  planned: IsoDateSchema.optional(),
});

/** One child's milestone dates, keyed by milestone key (e.g. `accommodated`). */
export const CaseMilestonesSchema = z.object({
  caseRef: z.string().min(1),
  milestones: z.record(z.string(), MilestoneDatesSchema),
});

export type MilestoneDates = z.infer<typeof MilestoneDatesSchema>;
export type CaseMilestones = z.infer<typeof CaseMilestonesSchema>;
