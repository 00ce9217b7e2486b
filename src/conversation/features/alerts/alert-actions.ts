import type { WithId } from 'mongodb';
import type { FormValues } from '../../../../cards/model.js';
import { ForbiddenError } from '../../../errors.js';
import { mayActOn, type AlertViewer } from '../../../programme/alerts/alerts-for.js';
import { findAlert, handAlert, snoozeAlert } from '../../../programme/alerts/change-alert.js';
import type { Member } from '../../../store/schemas/member.js';
import { shortDateOf } from '../../../programme/local-date.js';
import type { Notice } from '../../../store/schemas/notice.js';
import type { TurnContext } from '../../context.js';
import { withInlineErrors } from '../../form-errors.js';
import { form, plain, text } from '../../replies.js';
import { resolvePerson } from '../../resolve-person.js';
import type { Reply } from '../../turn.js';
import { handForm, snoozeForm } from './alert-forms.js';

export const noticeId = (data: Record<string, unknown>) => (typeof data.notice === 'string' ? data.notice : '');

/** The person of this turn, as the alerts' rule of who may act on one sees them. */
export const viewerOf = (ctx: TurnContext): AlertViewer => ({
  userId: ctx.turn.user.id,
  leadOf: ctx.leadOf.map((g) => g.key),
  isAdmin: ctx.isAdmin,
});

export const NOT_YOURS = 'Only the person this alert went to, a lead of its group or an admin can change it.';

/** Alerts name children: they are acted on in a direct message only. */
export function requireDirect(ctx: TurnContext): void {
  if (ctx.turn.conversation.kind !== 'direct') {
    throw new ForbiddenError('Alerts name children: answer them in our direct messages, not in a channel.');
  }
}

/** What a snooze answers, typed or pressed. */
export const snoozedText = (ctx: TurnContext, caseRef: string, until: Date) =>
  `Snoozed: I won’t mention ${caseRef} again before ${shortDateOf(until, ctx)}. The reason is kept in the audit trail.`;

/** What handing on answers, typed or pressed. */
export const handedText = (member: Member, caseRef: string) =>
  `Handed to ${plain(member.name)}: they’ll get the alert for ${caseRef} in a direct message.`;

export const ITS_YOU = 'That’s you: the alert stays with you.';

/**
 * The alert behind a button, for someone who may act on it: whoever holds it, a lead of its group,
 * or an admin. It names a child, so only in a direct message.
 */
export async function alertFor(ctx: TurnContext, data: Record<string, unknown>): Promise<WithId<Notice>> {
  requireDirect(ctx);
  const notice = await findAlert(ctx, noticeId(data));
  if (!mayActOn(notice, viewerOf(ctx))) throw new ForbiddenError(NOT_YOURS);
  return notice;
}

export async function openSnooze(ctx: TurnContext, data: Record<string, unknown>): Promise<Reply[]> {
  const notice = await alertFor(ctx, data);
  return [form(snoozeForm(notice._id.toHexString(), notice.caseRef!))];
}

export async function saveSnooze(ctx: TurnContext, data: Record<string, unknown>, values: FormValues): Promise<Reply[]> {
  const notice = await alertFor(ctx, data);
  const again = () => snoozeForm(notice._id.toHexString(), notice.caseRef!, values);
  return withInlineErrors(again, async () => {
    const until = await snoozeAlert(ctx, notice, { weeks: Number(values.weeks ?? 4), reason: values.reason ?? '' });
    return [text(snoozedText(ctx, notice.caseRef!, until))];
  });
}

export async function openHand(ctx: TurnContext, data: Record<string, unknown>): Promise<Reply[]> {
  const notice = await alertFor(ctx, data);
  return [form(handForm(notice._id.toHexString(), notice.caseRef!))];
}

export async function saveHand(ctx: TurnContext, data: Record<string, unknown>, values: FormValues): Promise<Reply[]> {
  const notice = await alertFor(ctx, data);
  const said = (values.member ?? '').split(',')[0]!.trim();
  const member = await resolvePerson(ctx, said);
  if (member.userId === ctx.turn.user.id) return [text(ITS_YOU)];
  await handAlert(ctx, notice, member);
  return [text(handedText(member, notice.caseRef!))];
}
