import { z } from 'zod';
import { AuditSourceSchema } from './audit-source.js';
import { PendingAuditSchema } from './pending-audit.js';
import { ActorSchema, IsoDateSchema, ObjectIdSchema } from './common.js';

export const MilestoneDatesSchema = z.object({
  actual: IsoDateSchema.optional(),
  planned: IsoDateSchema.optional(),
});
export type MilestoneDates = z.infer<typeof MilestoneDatesSchema>;

export const CaseChangeStampSchema = z.object({
  /** Names the change: one audit entry per key and case, however often a repair writes it. */
  key: z.string().max(120),
  action: z.enum(['record', 'undo', 'import']),
  before: z.record(z.string(), MilestoneDatesSchema),
  /** The version the change replaced (0 for a case not yet written with dates, or one loaded before versions were kept: see stampedBefore); the change made version + 1. */
  version: z.number().int().min(0),
  at: z.date(),
  actor: ActorSchema,
  source: AuditSourceSchema,
  /** For an undo: the audit entry it reverted. */
  undoes: z.string().optional(),
  pendingAudit: z.boolean().optional(),
});
export type CaseChangeStamp = z.infer<typeof CaseChangeStampSchema>;

/** A child's journey, held under a pseudonymous case reference only — never a name. */
export const CaseSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  // Letters and digits, optionally joined by - / _ . as some areas write them (NS-1042); upper case.
  caseRef: z.string().regex(/^(?=.{3,30}$)[A-Z0-9]+(?:[-/_.][A-Z0-9]+)*$/),
  route: z.enum(['home', 'permanence_order', 'kinship', 'adoption', 'unknown']).optional(),
  groupKey: z.string().optional(),
  /** The worker who holds the case now, once handed over (see programme/people/hand-over.ts). */
  ownerId: z.string().min(1).max(200).optional(),
  /** The team or locality that holds the case ("North"), for lists and charts by team. */
  team: z.string().min(1).max(40).optional(),
  milestones: z.record(z.string(), MilestoneDatesSchema),
  /** Increases on every change; updates are conditional on it so concurrent edits never overwrite silently. */
  version: z.number().int().min(0),
  demo: z.boolean().optional(),
  /**
   * The last change written to this case, with what it replaced, who made it and where it came
   * from, written in the same update as the dates. Its audit entry is written next; until then
   * `pendingAudit` says so, and a crash in between is repaired from this stamp (see
   * programme/cases/audit-stamped-change.ts). A change never replaces a stamp still pending audit.
   */
  lastChange: CaseChangeStampSchema.optional(),
  /** An admin's extension of the retention rule: kept until this date, for the audited reason. */
  keepUntil: IsoDateSchema.optional(),
  /** A change other than its dates (a retention extension) carries its audit entry here until written. */
  pendingAudit: PendingAuditSchema.optional(),
  /** The retention due date an admin was last told of, so each is told once. */
  retentionNoticeFor: IsoDateSchema.optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Case = z.infer<typeof CaseSchema>;
