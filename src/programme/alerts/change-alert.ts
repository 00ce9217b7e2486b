import { ObjectId, type WithId } from 'mongodb';
import { ValidationError, NotFoundError } from '../../errors.js';
import type { Member } from '../../store/schemas/member.js';
import type { Notice } from '../../store/schemas/notice.js';
import { flushPendingAudit, pendingAuditOf } from '../audit/pending-audit.js';
import type { ModelContext } from '../model-context.js';
import { localToday } from '../local-date.js';
import { snoozeReason, type SnoozeReason } from './snooze-reason.js';
import { tellDriftRound } from './tell-drift.js';

/** Longest snooze: half a year, so no alert is put away for good. */
export const MAX_SNOOZE_WEEKS = 26;

const GONE = 'That alert is closed: the child has moved on, or the alert time changed. Nothing to do.';
export const CONFLICT = 'Someone changed that alert at the same moment. Please try again.';

/** What is done to an alert (or each of a child's), checked in full before anything is written. */
export type AlertChange =
  | { action: 'alert_snooze'; weeks: number; until: Date; reason: SnoozeReason }
  | { action: 'alert_hand'; to: { userId: string; name: string } };
export type SnoozeChange = Extract<AlertChange, { action: 'alert_snooze' }>;

/** The drift alert behind a button, or a clear refusal. */
export async function findAlert(ctx: ModelContext, id: string): Promise<WithId<Notice>> {
  const notice = ObjectId.isValid(id) ? await ctx.store.notices.findOne({ _id: new ObjectId(id), kind: 'drift' }) : null;
  if (!notice) throw new NotFoundError('I can’t find that alert any more.', 'alert_missing');
  if (notice.status === 'closed') throw new ValidationError('alert_closed', GONE);
  return notice;
}

/**
 * A snooze, checked: whole weeks within the longest snooze, and a reason (its identifiers refused,
 * see snooze-reason.ts). Its end is fixed now, so a change finished later ends on the same day.
 */
export function checkSnooze(ctx: Pick<ModelContext, 'now'>, input: { weeks: number; reason: string }): SnoozeChange {
  const reason = snoozeReason(input.reason, ctx.now);
  if (!Number.isInteger(input.weeks) || input.weeks < 1 || input.weeks > MAX_SNOOZE_WEEKS) {
    throw new ValidationError('bad_snooze', `Snooze for 1 to ${MAX_SNOOZE_WEEKS} weeks.`, { field: 'weeks' });
  }
  const until = new Date(ctx.now.getTime() + input.weeks * 7 * 86_400_000);
  return { action: 'alert_snooze', weeks: input.weeks, until, reason };
}

/** A hand-on to a member, as the change keeps them. */
export const handTo = (to: Pick<Member, 'userId' | 'name'>): AlertChange => ({ action: 'alert_hand', to: { userId: to.userId, name: to.name } });

/**
 * Writes a change to one alert with its audit entry in the same write, if the alert is still as
 * read (`version`) and open or snoozed; then the entry itself. Null when it was not as read.
 * `key` names the entry when the change is one of several (see change-child-alerts.ts).
 */
export async function writeAlertChange(
  ctx: ModelContext,
  notice: WithId<Notice>,
  change: AlertChange,
  key?: string,
): Promise<WithId<Notice> | null> {
  const before = { status: notice.status, holderIds: notice.holderIds, ...(notice.snoozedUntil && { snoozedUntil: notice.snoozedUntil }) };
  const { set, after, extra } = whatChanges(ctx, notice, change);
  const entry = pendingAuditOf(ctx, { entity: 'case', entityId: notice.caseRef!, action: change.action, before, after });
  const pendingAudit = key ? { ...entry, key } : entry;
  const written = await ctx.store.notices.findOneAndUpdate(
    // A closed alert stays closed: the job closes it without a new version.
    { _id: notice._id, version: notice.version, status: { $ne: 'closed' } },
    {
      $set: { ...set, pendingAudit, updatedAt: ctx.now },
      $inc: { version: 1, ...extra.inc },
      ...(extra.unset && { $unset: extra.unset }),
    },
    { returnDocument: 'after' },
  );
  if (written) await flushPendingAudit(ctx.store, 'notices', [written]);
  return written;
}

function whatChanges(ctx: ModelContext, notice: Notice, change: AlertChange) {
  if (change.action === 'alert_snooze') {
    const { weeks, until, reason } = change;
    return {
      set: { status: 'snoozed' as const, snoozedUntil: until },
      after: { status: 'snoozed', snoozedUntil: until, weeks, reason, alert: notice.key },
      extra: {},
    };
  }
  const handedBy = ctx.actor();
  const holderIds = [change.to.userId];
  return {
    set: { status: 'open' as const, holderIds, handedBy },
    after: { status: 'open', holderIds, handedBy, alert: notice.key },
    // A new round: nobody has been told of it yet.
    extra: { inc: { round: 1 }, unset: { snoozedUntil: '' as const, toldTo: '' as const } },
  };
}

/** After a hand-on, the member gets the alerts at once, privately. Returns the messages queued. */
export function tellHanded(ctx: ModelContext, change: AlertChange, written: readonly WithId<Notice>[]): Promise<number> {
  if (change.action !== 'alert_hand' || !ctx.programme) return Promise.resolve(0);
  return tellDriftRound(ctx.store, ctx.programme, written, localToday(ctx), ctx.now);
}

/** One alert's change (a button), refused whole if someone changed the alert meanwhile. */
export async function changeAlert(ctx: ModelContext, notice: WithId<Notice>, change: AlertChange): Promise<number> {
  const written = await writeAlertChange(ctx, notice, change);
  if (!written) throw new ValidationError('edit_conflict', CONFLICT);
  return tellHanded(ctx, change, [written]);
}

/**
 * Snoozes an alert for some weeks, for a reason: nothing more is said about the child until then,
 * when it comes back once if the child is still waiting. The audit keeps the reason's category and
 * the reason itself, checked for identifiers first (see snooze-reason.ts).
 */
export async function snoozeAlert(ctx: ModelContext, notice: WithId<Notice>, input: { weeks: number; reason: string }): Promise<Date> {
  const change = checkSnooze(ctx, input);
  await changeAlert(ctx, notice, change);
  return change.until;
}

/**
 * Hands an alert to a member: they hold it from now on (and get it at once, privately), its snooze
 * if any is over, and the audit says who handed it to whom.
 */
export function handAlert(ctx: ModelContext, notice: WithId<Notice>, to: Member): Promise<number> {
  return changeAlert(ctx, notice, handTo(to));
}
