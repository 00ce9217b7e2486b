import { z } from 'zod';
import { IsoDateSchema, ObjectIdSchema } from './common.js';
import { PendingAuditSchema } from './pending-audit.js';

export const RuleSetSchema = z.enum(['ihi', 'anhoej']);
export type RuleSet = z.infer<typeof RuleSetSchema>;

export const MilestoneEntrySchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{2,40}$/),
  label: z.string().min(1).max(80),
  synonyms: z.array(z.string().max(60)).max(40).default([]),
  retired: z.boolean().default(false),
  /** For a milestone the programme added: the milestones it must not precede ("after first LAC review"). */
  after: z.array(z.string().regex(/^[a-z0-9_]{2,48}$/)).max(5).optional(),
});

export const MeetingCadenceSchema = z.object({
  /** First meeting, local date and time in the programme's zone. */
  anchorDate: IsoDateSchema,
  anchorTime: z.string().regex(/^\d{2}:\d{2}$/),
  everyWeeks: z.number().int().min(1).max(26),
  /** One meeting moved (original local date -> new local date) or skipped (to: null). */
  overrides: z.array(z.object({ from: IsoDateSchema, to: IsoDateSchema.nullable() })).default([]),
});
export type MeetingCadence = z.infer<typeof MeetingCadenceSchema>;

/** One programme per workspace: the champions' group of one local area. */
export const ProgrammeSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  name: z.string().min(1).max(120),
  timeZone: z.string().min(1).max(60),
  caseRefPattern: z.string().min(1).max(200),
  /**
   * One of the area's references as the admin gave it at setup (FB-2041), for the examples in
   * hints and refusals. Optional: programmes set up before it was kept, or from a regular
   * expression, have none, and their hints fall back (see programme/cases/case-ref-example.ts).
   */
  caseRefExample: z.string().min(1).max(40).optional(),
  ruleSet: RuleSetSchema,
  milestones: z.array(MilestoneEntrySchema).optional(),
  meeting: MeetingCadenceSchema.optional(),
  /** Digest timing: working days before the meeting and local time. */
  digest: z.object({ workingDaysBefore: z.number().int().min(0).max(10), time: z.string().regex(/^\d{2}:\d{2}$/) }).optional(),
  /**
   * How long a child's record is kept (see programme/retention): months after the order is
   * granted, or months with no activity; defaults 12 and 24.
   */
  retention: z
    .object({ monthsAfterOrder: z.number().int().min(1).max(120), monthsInactive: z.number().int().min(1).max(120) })
    .optional(),
  championsChannel: z.object({ platform: z.enum(['slack', 'teams', 'web']), conversationId: z.string() }).optional(),
  demo: z.boolean().optional(),
  /** A change to the catalogue carries its audit entry here until written (programme/audit/pending-audit.ts). */
  pendingAudit: PendingAuditSchema.optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;
