import { z } from 'zod';
import { PendingAuditSchema } from './pending-audit.js';
import { IsoDateSchema, ObjectIdSchema, UserIdSchema } from './common.js';
import { CheckablePredictionSchema, PredictionCheckSchema } from './prediction.js';

const text = (max = 2000) => z.string().trim().max(max);

/** Fields of the IHI PDSA worksheet. */
export const PlanSchema = z.object({
  objective: text().min(3),
  questions: text().optional(),
  prediction: text().min(3),
  /** The prediction in a shape the bot checks at Study, when the test is linked to a measure. */
  checkable: CheckablePredictionSchema.optional(),
  who: text(300).optional(),
  what: text(300).optional(),
  when: text(300).optional(),
  where: text(300).optional(),
  dataToCollect: text().optional(),
  /** Planned start, so the run chart can mark the test before the Do stage is recorded. */
  startOn: IsoDateSchema.optional(),
});
export const DoSchema = z.object({
  carriedOutOn: IsoDateSchema,
  whatHappened: text().min(3),
  problems: text().optional(),
});
export const StudySchema = z.object({
  resultsVsPrediction: text().min(3),
  learned: text().min(3),
  /** The checkable prediction beside what the measure did, with the verdict kept. */
  predictionCheck: PredictionCheckSchema.optional(),
});
export const ActDecisionSchema = z.enum(['adopt', 'adapt', 'abandon']);
export type ActDecision = z.infer<typeof ActDecisionSchema>;
export const ActSchema = z.object({
  decision: ActDecisionSchema,
  nextCycle: text().optional(),
});
export const PdsaStageSchema = z.enum(['plan', 'do', 'study', 'act']);
export type PdsaStage = z.infer<typeof PdsaStageSchema>;

export const PdsaNoteSchema = z.object({
  at: z.date(),
  by: UserIdSchema,
  byName: z.string().max(200).optional(),
  text: text(2000).min(1),
});

/** When each stage was first recorded; the digest reports cycles started, carried out, studied, decided. */
export const StageDatesSchema = z.object({
  plan: z.date().optional(),
  do: z.date().optional(),
  study: z.date().optional(),
  act: z.date().optional(),
});
export type StageDates = z.infer<typeof StageDatesSchema>;

/**
 * A test of change. `number` gives the short id T-<number>. `stage` is the last stage recorded:
 * 'plan' once planned, 'do' once carried out (awaiting study), 'study' once studied, 'act' once decided.
 */
export const PdsaCycleSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  number: z.number().int().min(1),
  title: text(120).min(3),
  changeIdea: text(200).min(2),
  /** Key of the library entry, when the idea was picked from the library rather than typed. */
  changeIdeaId: z.string().optional(),
  groupKey: z.string(),
  ownerId: UserIdSchema,
  ownerName: z.string().max(200),
  stage: PdsaStageSchema,
  plan: PlanSchema,
  do: DoSchema.optional(),
  study: StudySchema.optional(),
  act: ActSchema.optional(),
  /** Ramp: the cycle this one builds on, and its position in the ramp. */
  previousNumber: z.number().int().optional(),
  rampPosition: z.number().int().min(1).default(1),
  linkedMeasures: z.array(z.string()).default([]),
  /** Start date for chart annotations (the Do date, else the planned start). */
  startedOn: IsoDateSchema.optional(),
  notes: z.array(PdsaNoteSchema).default([]),
  stageDates: StageDatesSchema.default({}),
  /** Increases on every edit; edits are conditional on it so two people never overwrite each other silently. */
  version: z.number().int().min(0).default(0),
  demo: z.boolean().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** This change's audit entry until it is written: see programme/audit/pending-audit.ts. */
  pendingAudit: PendingAuditSchema.optional(),
});
export type PdsaCycle = z.infer<typeof PdsaCycleSchema>;
