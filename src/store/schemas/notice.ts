import { z } from 'zod';
import { ActorSchema, IsoDateSchema, ObjectIdSchema, UserIdSchema } from './common.js';
import { PendingAuditSchema } from './pending-audit.js';

/**
 * What pacebot noticed and told someone about, privately (see README "What pacebot notices for
 * you"): a child past an aim group's threshold (`drift`), or a planned date that passed and is
 * asked about (`happened`). A `threshold` is a group's own alert time instead of its aim's.
 */
export const NoticeKindSchema = z.enum(['drift', 'happened', 'threshold']);
export type NoticeKind = z.infer<typeof NoticeKindSchema>;

export const NoticeSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  kind: NoticeKindSchema,
  /**
   * Unique per workspace: drift `drift:<group>:<case>:<from>:<to>:<weeks>`, happened
   * `happened:<case>:<milestone>:<planned date>`, threshold `threshold:<group>`. The same child
   * past the same threshold, or the same plan, is noticed once however often the jobs run.
   */
  key: z.string().min(3).max(240),
  caseRef: z.string().max(40).optional(),
  groupKey: z.string().max(40).optional(),
  /** Drift: the milestone the wait started at. */
  from: z.string().max(48).optional(),
  /** Drift: the milestone not yet reached; happened: the milestone that was planned. */
  milestone: z.string().max(48).optional(),
  /** Drift: the threshold passed; threshold: the group's own alert time. */
  weeks: z.number().int().min(1).max(520).optional(),
  /** Drift: the date the wait started. */
  startedOn: IsoDateSchema.optional(),
  /** Happened: the planned date asked about. */
  planned: IsoDateSchema.optional(),
  /** Happened: who recorded the plan (a display name beside the id, for the lead's reminder). */
  recordedBy: ActorSchema.optional(),
  /** Who it is with now: the group's leads, the member it was handed to, the plan's recorder. */
  holderIds: z.array(UserIdSchema).max(50).default([]),
  /** Drift: the lead who handed it to the member who holds it now. */
  handedBy: ActorSchema.optional(),
  /**
   * `open`: told (or about to be); `snoozed` until `snoozedUntil`; `closed`: the child moved on or
   * the plan was answered, so nothing more is said about it.
   */
  status: z.enum(['open', 'snoozed', 'closed']),
  snoozedUntil: z.date().optional(),
  /** Increases each time the notice is to be told again (after a snooze, when handed on). */
  round: z.number().int().min(0),
  /**
   * Drift: each holder claimed for this round's message before it is queued, so however many runs
   * or instances tell it, a holder hears of it once: alone (its own card), or in one list of a
   * morning's many alerts (`list`: that message's id). Cleared when a new round starts.
   */
  toldTo: z
    .array(z.object({ userId: UserIdSchema, list: z.string().max(40).optional(), at: z.date() }))
    .max(50)
    .optional(),
  /** The round whose messages are queued: a crash in between is finished by the next run. */
  queuedRound: z.number().int().min(-1),
  /** When the first message was queued (happened: the week to answer runs from here). */
  askedAt: z.date().optional(),
  version: z.number().int().min(0),
  pendingAudit: PendingAuditSchema.optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Notice = z.infer<typeof NoticeSchema>;
