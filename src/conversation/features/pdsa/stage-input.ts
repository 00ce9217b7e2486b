import { z } from 'zod';
import { ActDecisionSchema, type PdsaStage } from '../../../store/schemas/pdsa.js';
import { VerdictSchema } from '../../../store/schemas/prediction.js';

const long = (missing: string) =>
  z
    .string({ message: missing })
    .min(3, { message: missing })
    .max(2000, { message: 'Keep this under 2,000 characters.' });

/** The Do, Study and Act forms as submitted. Dates are checked against today by the saver. */
export const STAGE_INPUTS = {
  do: z.object({
    carriedOutOn: z
      .string({ message: 'When was the test carried out? Pick the date.' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Give the date like 2026-10-03.' }),
    whatHappened: long('Say briefly what happened when you ran the test.'),
    problems: z.string().max(2000).optional(),
  }),
  study: z.object({
    resultsVsPrediction: long(
      'How did the results compare with your prediction? e.g. "3 of 5 meetings used it, not 4".',
    ),
    learned: long('What did you learn from this cycle?'),
    verdict: z.enum(VerdictSchema.options, { message: 'Choose met, partly met, not met or too early.' }).optional(),
    verdictReason: z
      .string()
      .min(3, { message: 'Say a little more about why.' })
      .max(500, { message: 'Keep the reason under 500 characters.' })
      .optional(),
  }),
  act: z.object({
    decision: z.enum(ActDecisionSchema.options, { message: 'Choose adopt, adapt or abandon.' }),
    nextCycle: z.string().max(2000).optional(),
  }),
} as const;

export type RecordableStage = Exclude<PdsaStage, 'plan'>;
export const RECORDABLE_STAGES: RecordableStage[] = ['do', 'study', 'act'];
