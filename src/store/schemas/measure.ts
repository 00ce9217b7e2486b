import { z } from 'zod';
import { PendingAuditSchema } from './pending-audit.js';
import { ActorSchema, ObjectIdSchema } from './common.js';

/** Why a lead changed how a chart is read. Required: without it the next team cannot judge the chart. */
export const SettingReasonSchema = z.string().trim().min(3).max(500);

const stamped = { reason: SettingReasonSchema, by: ActorSchema, at: z.date() };

/**
 * The median comes from the first `count` points. `throughPeriod` / `throughCaseRef` name the last
 * baseline point, so the baseline stays the same points when a chart shows a different window or view.
 */
export const FreezeSchema = z.object({
  count: z.number().int().min(1),
  throughPeriod: z.string().min(7).max(10),
  throughCaseRef: z.string().max(40).optional(),
  ...stamped,
});
export type Freeze = z.infer<typeof FreezeSchema>;

/** A new phase starts at this point: a month or date, or (per-child views) a child. */
export const PhaseStartSchema = z.object({
  startPeriod: z.string().min(7).max(10),
  startCaseRef: z.string().max(40).optional(),
  /** The test of change the new phase lines up with, when a lead accepted the bot's proposal. */
  testNumber: z.number().int().min(1).optional(),
  ...stamped,
});
export type PhaseStart = z.infer<typeof PhaseStartSchema>;

/** A point left out of the median and the rules: a period (YYYY-MM or YYYY-MM-DD) or a case reference. */
export const ExclusionSchema = z.object({ point: z.string().min(1).max(40), ...stamped });
export type Exclusion = z.infer<typeof ExclusionSchema>;

/** IHI rule 4 is a team's judgement; the bot only keeps the note. */
export const AstronomicalNoteSchema = z.object({
  point: z.string().min(1).max(40),
  note: z.string().trim().min(3).max(500),
  by: ActorSchema,
  at: z.date(),
});

/**
 * A lead's choice of chart for the measure: always a run chart, or a control chart even before the
 * 20 points after which one is drawn by default (programme/measures/choose-chart.ts).
 */
export const ChartChoiceSchema = z.object({ kind: z.enum(['run', 'control']), ...stamped });
export type ChartChoice = z.infer<typeof ChartChoiceSchema>;

/** A proposed phase at a test of change that a lead or coach dismissed: never proposed again. */
export const SplitDismissedSchema = z.object({
  testNumber: z.number().int().min(1),
  by: ActorSchema,
  at: z.date(),
});

export const MeasureSettingsSchema = z.object({
  freeze: FreezeSchema.optional(),
  chart: ChartChoiceSchema.optional(),
  phases: z.array(PhaseStartSchema).default([]),
  exclusions: z.array(ExclusionSchema).default([]),
  astronomical: z.array(AstronomicalNoteSchema).default([]),
  splitsDismissed: z.array(SplitDismissedSchema).optional(),
});
export type MeasureSettings = z.infer<typeof MeasureSettingsSchema>;

export const MeasureKindSchema = z.enum(['interval', 'proportion', 'custom']);
export const MeasureFrequencySchema = z.enum(['per-child', 'monthly', 'weekly', 'per-meeting']);
export type MeasureFrequency = z.infer<typeof MeasureFrequencySchema>;

const MilestoneKeySchema = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/);

/**
 * A measure a group tracks. Derived measures (interval, proportion) are computed from children's
 * milestone dates; the default ones are not stored until a lead changes their chart settings.
 * Custom measures hold values people enter (data points).
 */
export const MeasureSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/),
  groupKey: z.string().optional(),
  kind: MeasureKindSchema,
  name: z.string().trim().min(2).max(80),
  unit: z.string().trim().min(1).max(20),
  frequency: MeasureFrequencySchema,
  betterDirection: z.enum(['up', 'down']),
  target: z.number().optional(),
  from: MilestoneKeySchema.optional(),
  to: MilestoneKeySchema.optional(),
  /** Proportion measures: the target time from `from` to `to`. */
  targetWeeks: z.number().int().positive().optional(),
  settings: MeasureSettingsSchema.default({ phases: [], exclusions: [], astronomical: [] }),
  /** Increases on every change; updates are conditional on it so two leads never overwrite silently. */
  version: z.number().int().min(0),
  createdBy: ActorSchema.optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** This change's audit entry until it is written: see programme/audit/pending-audit.ts. */
  pendingAudit: PendingAuditSchema.optional(),
});
export type Measure = z.infer<typeof MeasureSchema>;
