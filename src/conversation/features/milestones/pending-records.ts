import { type Filter, ObjectId } from 'mongodb';
import { z } from 'zod';
import { ForbiddenError } from '../../../errors.js';
import { type MilestoneRecord, MilestoneRecordSchema } from '../../../domain/parse-milestone.js';
import type { PendingAction } from '../../../store/schemas/pending-action.js';
import { CONFIRM_LEASE_MS, RECORDS_KIND } from '../../../programme/cases/apply-pending-records.js';
import { type ShownCases, ShownCasesSchema } from '../../../programme/cases/changed-since-shown.js';

export { RECORDS_KIND };
import type { TurnContext } from '../../context.js';

/** More than this in one message is easier to get wrong than to type again in parts. */
export const MAX_RECORDS = 10;
const ANSWER_WITHIN_MS = 24 * 60 * 60 * 1000;

export const PendingRecordsSchema = z.object({
  records: z.array(MilestoneRecordSchema).min(1).max(MAX_RECORDS),
  /** The cases' dates as the card was judged against them, checked again on Confirm. */
  shown: ShownCasesSchema.optional(),
});

/**
 * What the bot understood, as the text kept for the audit trail: "C1042 accommodated 2026-10-03".
 * The message itself is never kept for milestone changes: people write "Sophie (C1042) came into
 * care…", and the log must hold the pseudonymous reference only.
 */
export function understanding(records: readonly MilestoneRecord[]): string {
  return records
    .map((r) => `${r.caseRef} ${r.milestone}${r.planned ? ' planned' : ''} ${r.date}`)
    .join('; ');
}

/**
 * Stores the records as a question waiting for Confirm, with the cases' dates the card was judged
 * against (`shown`); returns its id for the buttons.
 */
export async function openPending(ctx: TurnContext, records: MilestoneRecord[], shown: ShownCases): Promise<string> {
  const { platform, eventId } = ctx.turn;
  const { insertedId } = await ctx.store.pending.insertOne({
    userId: ctx.turn.user.id,
    kind: RECORDS_KIND,
    payload: PendingRecordsSchema.parse({ records, shown }),
    source: { platform, eventId, text: understanding(records) },
    status: 'open',
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ANSWER_WITHIN_MS),
  });
  return insertedId.toHexString();
}

export interface OpenRecords {
  pending: PendingAction;
  records: MilestoneRecord[];
}

// A button's id that is not an ObjectId matches nothing, so it reads as an expired question.
const byId = (id: string) =>
  ObjectId.isValid(id) ? { _id: new ObjectId(id), kind: RECORDS_KIND } : { kind: '' };

/**
 * The filter for this user's open question. Someone else's is refused outright: only the person
 * who sent the dates answers for them. The store's scope keeps other workspaces' questions unseen.
 */
async function ownOpen(ctx: TurnContext, id: string): Promise<Filter<PendingAction>> {
  const found = await ctx.store.pending.findOne(byId(id));
  if (found && found.userId !== ctx.turn.user.id) {
    const message = 'Only the person who sent those dates can confirm, edit or cancel them.';
    throw new ForbiddenError(message);
  }
  const open: Filter<PendingAction> = { userId: ctx.turn.user.id, status: 'open' };
  return { ...byId(id), ...open, expiresAt: { $gt: ctx.now } };
}

const withRecords = (pending: PendingAction | null): OpenRecords | null =>
  pending ? { pending, records: PendingRecordsSchema.parse(pending.payload).records } : null;

/** The open question with its records, or null when answered, expired or never asked here. */
export async function readPending(ctx: TurnContext, id: string): Promise<OpenRecords | null> {
  return withRecords(await ctx.store.pending.findOne(await ownOpen(ctx, id)));
}

/**
 * Takes the question for Confirm, atomically: of two clicks (or a platform retry) only one gets it.
 * It stays `applying` until its dates and audit entries are written; one left so by a crash (its
 * lease run out) is taken again, by the next Confirm or by the repair sweep.
 */
export async function claimPending(ctx: TurnContext, id: string): Promise<OpenRecords | null> {
  const lease = { status: 'applying' as const, leaseUntil: new Date(ctx.now.getTime() + CONFIRM_LEASE_MS) };
  const fresh = await ctx.store.pending.findOneAndUpdate(await ownOpen(ctx, id), { $set: lease });
  if (fresh) return withRecords(fresh);
  const stale = { ...byId(id), userId: ctx.turn.user.id, status: 'applying' as const, leaseUntil: { $lt: ctx.now } };
  return withRecords(await ctx.store.pending.findOneAndUpdate(stale, { $set: lease }));
}

/**
 * Answers the question, atomically: of two clicks (or a platform retry) only one finds it open, so
 * the dates are stored once.
 */
export async function closePending(
  ctx: TurnContext,
  id: string,
  status: 'done' | 'cancelled',
): Promise<OpenRecords | null> {
  const filter = await ownOpen(ctx, id);
  return withRecords(await ctx.store.pending.findOneAndUpdate(filter, { $set: { status, closedAt: ctx.now } }));
}

/** This user's open, unexpired milestone questions, newest first (for a typed `cancel`). */
export async function openQuestions(ctx: TurnContext): Promise<PendingAction[]> {
  const filter: Filter<PendingAction> = { userId: ctx.turn.user.id, kind: RECORDS_KIND, status: 'open', expiresAt: { $gt: ctx.now } };
  return ctx.store.pending.find(filter, { sort: { createdAt: -1, _id: -1 } }).toArray();
}
