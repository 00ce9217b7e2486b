import { z } from 'zod';
import { IsoDateSchema } from './common.js';

/**
 * A prediction the bot can check against a measure: its level (the median of the measure's points
 * from the test's start to `by`) falls to `amount` or below ('down'), or rises to it or above ('up').
 * "The median from accommodation to recommendation falls below 30 weeks by March" is
 * { direction: 'down', amount: 30, by: '2027-03-31' }.
 */
export const CheckablePredictionSchema = z.object({
  measureKey: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,79}$/),
  direction: z.enum(['down', 'up']),
  amount: z.number().finite(),
  by: IsoDateSchema,
});
export type CheckablePrediction = z.infer<typeof CheckablePredictionSchema>;

export const VerdictSchema = z.enum(['met', 'partly_met', 'not_met', 'too_early']);
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * What Study recorded about the prediction: the bot's verdict from the measure, the verdict the
 * person recording Study kept (the same, or overruled with a reason), and the figures it rested on.
 */
export const PredictionCheckSchema = z.object({
  botVerdict: VerdictSchema,
  verdict: VerdictSchema,
  /** Why the person overruled the bot; required when `verdict` differs from `botVerdict`. */
  reason: z.string().trim().min(3).max(500).optional(),
  /** Median of the points in the window; null with none. */
  level: z.number().nullable(),
  /** Median of the points before the test started; null with none. */
  before: z.number().nullable(),
  points: z.number().int().min(0),
  /** A run-chart or control-chart signal after the start, in words; null when none appeared. */
  signal: z.string().max(300).nullable(),
  checkedOn: IsoDateSchema,
});
export type PredictionCheck = z.infer<typeof PredictionCheckSchema>;
