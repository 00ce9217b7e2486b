import { z } from 'zod';
import { MilestoneKeySchema } from './milestone-catalogue.js';

/**
 * One child's milestone date, as understood from a message (before confirmation and storage). Apart
 * from the parser, so the store's schemas can check records without loading it (issue 14).
 */
export const MilestoneRecordSchema = z.object({
  caseRef: z.string().min(1),
  milestone: MilestoneKeySchema,
  date: z.iso.date(),
  /** A future date booked in diaries rather than a milestone reached. */
  planned: z.boolean(),
});
export type MilestoneRecord = z.infer<typeof MilestoneRecordSchema>;
