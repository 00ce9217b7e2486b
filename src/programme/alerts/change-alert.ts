import { ObjectId, type WithId } from 'mongodb';
import { ValidationError, NotFoundError } from '../../errors.js';
import type { Member } from '../../store/schemas/member.js';
import type { Notice } from '../../store/schemas/notice.js';
import { flushPendingAudit, pendingAuditOf } from '../audit/pending-audit.js';
import type { ModelContext } from '../model-context.js';
import { localToday } from '../local-date.js';
import { snoozeReason } from './snooze-reason.js';
import { tellDrift } from './tell-drift.js';

/** Longest snooze: half a year, so no alert is put away for good. */
export const MAX_SNOOZE_WEEKS = 26;

const GONE = 'That alert is closed: the child has moved on, or the alert time changed. Nothing to do.';

/** The drift alert behind a button, or a clear refusal. */
export async function findAlert(ctx: ModelContext, id: string): Promise<WithId<Notice>> {
  const notice = ObjectId.isValid(id) ? await ctx.store.notices.findOne({ _id: new ObjectId(id), kind: 'drift' }) : null;
  if (!notice) throw new NotFoundError('I can’t find that alert any more.', 'alert_missing');
  if (notice.status === 'closed') throw new ValidationError('alert_closed', GONE);
  return notice;
}

/** Writes a change to an alert with its audit entry in the same write, then the entry itself. */
async function writeAlert(
  ctx: ModelContext,
  notice: WithId<Notice>,
  action: string,
  set: Partial<Notice>,
  after: Record<string, unknown>,
  extra: { inc?: Partial<Record<'round', number>>; unset?: Record<string, ''> } = {},
): Promise<WithId<Notice>> {
  const before = { status: notice.status, holderIds: notice.holderIds, ...(notice.snoozedUntil && { snoozedUntil: notice.snoozedUntil }) };
  const pendingAudit = pendingAuditOf(ctx, { entity: 'case', entityId: notice.caseRef!, action, before, after });
  const written = await ctx.store.notices.findOneAndUpdate(
    { _id: notice._id, version: notice.version },
    {
      $set: { ...set, pendingAudit, updatedAt: ctx.now },
      $inc: { version: 1, ...extra.inc },
      ...(extra.unset && { $unset: extra.unset }),
    },
    { returnDocument: 'after' },
  );
  if (!written) {
    throw new ValidationError('edit_conflict', 'Someone changed that alert at the same moment. Please try again.');
  }
  await flushPendingAudit(ctx.store, 'notices', [written]);
  return written;
}

/**
 * Snoozes an alert for some weeks, for a reason: nothing more is said about the child until then,
 * when it comes back once if the child is still waiting. The audit keeps the reason's category and
 * the reason itself, checked for identifiers first (see snooze-reason.ts).
 */
export async function snoozeAlert(
  ctx: ModelContext,
  notice: WithId<Notice>,
  input: { weeks: number; reason: string },
): Promise<Date> {
  const reason = snoozeReason(input.reason, ctx.now);
  if (!Number.isInteger(input.weeks) || input.weeks < 1 || input.weeks > MAX_SNOOZE_WEEKS) {
    throw new ValidationError('bad_snooze', `Snooze for 1 to ${MAX_SNOOZE_WEEKS} weeks.`, { field: 'weeks' });
  }
  const until = new Date(ctx.now.getTime() + input.weeks * 7 * 86_400_000);
  const after = { status: 'snoozed', snoozedUntil: until, weeks: input.weeks, reason, alert: notice.key };
  await writeAlert(ctx, notice, 'alert_snooze', { status: 'snoozed', snoozedUntil: until }, after);
  return until;
}

/**
 * Hands an alert to a member: they hold it from now on (and get it at once, privately), its snooze
 * if any is over, and the audit says who handed it to whom.
 */
export async function handAlert(ctx: ModelContext, notice: WithId<Notice>, to: Member): Promise<number> {
  const handedBy = ctx.actor();
  const after = { status: 'open', holderIds: [to.userId], handedBy, alert: notice.key };
  const written = await writeAlert(
    ctx,
    notice,
    'alert_hand',
    { status: 'open', holderIds: [to.userId], handedBy },
    after,
    // A new round: nobody has been told of it yet.
    { inc: { round: 1 }, unset: { snoozedUntil: '', toldTo: '' } },
  );
  return tellDrift(ctx.store, ctx.programme!, written, localToday(ctx), ctx.now);
}
