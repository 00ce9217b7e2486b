import type { WithId } from 'mongodb';
import { isCaseReference, normaliseCaseRef } from '../../../domain/case-reference.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import { mayActOn } from '../../../programme/alerts/alerts-for.js';
import { checkSnooze, handTo, type SnoozeChange } from '../../../programme/alerts/change-alert.js';
import { changeAlerts } from '../../../programme/alerts/change-child-alerts.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import type { Notice } from '../../../store/schemas/notice.js';
import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import { resolvePerson } from '../../resolve-person.js';
import type { Reply } from '../../turn.js';
import { ITS_YOU, handedText, requireDirect, snoozedText, viewerOf } from './alert-actions.js';

// The drift alert's buttons, typed. Each goes through the same model functions as its button, so
// the reason is checked for identifiers and each change is audited in the same write; a child with
// several alerts has them all changed together (change-child-alerts.ts).

const REASON_EXAMPLE = '"awaiting court date"';
const snoozeExample = (ref: string) => `\`snooze ${ref} 4 weeks ${REASON_EXAMPLE}\``;
const handExample = (ref: string) => `\`hand on ${ref} to @Sam\``;

/** The model's refusals that typing it differently puts right. */
const SAY_AGAIN = new Set(['bad_snooze', 'reason_required', 'reason_too_long']);

/** "4 weeks", "for 4 wks", "a week", then whatever follows (the reason). */
const WEEKS = /^(?:for\s+)?(\d{1,3}|a|one)\s*(?:weeks?|wks?|w)\b\s*(.*)$/i;
/** "to @Sam", then who. */
const TO = /^(?:it\s+)?(?:on\s+)?to\s+(.+)$/i;

/** The reference a command starts with, normalised; null when the first word is not one. */
function leadingRef(ctx: TurnContext, rest: string): { ref: string; after: string } | null {
  const [first = '', ...others] = rest.trim().split(/\s+/);
  if (!isCaseReference(first, milestoneSettings(ctx).pattern)) return null;
  return { ref: normaliseCaseRef(first), after: others.join(' ') };
}

/** Strips the quotes around what was said: `snooze "a week"` is `snooze a week`. */
export const withoutQuotes = (said: string) => said.trim().replace(/^["“'‘](.*)["”'’]$/s, '$1').trim();

/** What the reminders' own snooze reads: "3 days", "for a week", "until 12 Apr". */
const REMINDERS_SPAN = /^(?:(?:for\s+)?(?:\d{1,3}|a|one)\s+(?:days?|weeks?)|until\b.*)$/i;

/**
 * Whether `snooze …` is an alert's snooze rather than the reminders' (`snooze 3 days`): it names a
 * child first, or gives a reason in quotes (so a forgotten reference is asked for, not a date) —
 * unless the quotes hold the reminders' own words, as in `snooze "a week"`.
 */
export function namesCaseFirst(ctx: TurnContext, rest: string): boolean {
  if (leadingRef(ctx, rest) !== null) return true;
  return /["“”]/.test(rest) && !REMINDERS_SPAN.test(withoutQuotes(rest).replace(/\s+/g, ' '));
}

/** Never says back a first word that is not a reference: it may be a child's name. */
function needRef(ctx: TurnContext, rest: string, example: (ref: string) => string): { ref: string; after: string } {
  const found = leadingRef(ctx, rest);
  if (found) return found;
  throw new ValidationError('no_case_reference', `Start with the case reference, e.g. ${example(milestoneSettings(ctx).caseRefExample)}.`);
}

/**
 * The child's open or snoozed alerts this person may act on (one per group whose time they passed).
 * None, or none of theirs, get the same answer: anything else would tell a member that another
 * group has an alert for the child.
 */
async function alertsOfCase(ctx: TurnContext, caseRef: string): Promise<WithId<Notice>[]> {
  ctx.requireProgramme();
  const theirs = await ctx.store.notices.find({ kind: 'drift', status: { $ne: 'closed' }, caseRef }).toArray();
  const mine = theirs.filter((n) => mayActOn(n, viewerOf(ctx)));
  if (mine.length === 0) {
    throw new NotFoundError(`You have no open alert for ${caseRef}. Say \`alerts\` to see the ones you can act on.`, 'alert_missing');
  }
  return mine;
}

/** Strips the quotes around a reason, and a leading "because". */
const reasonOf = (said: string) =>
  withoutQuotes(said)
    .replace(/^(?:because|as|reason:?)\s+/i, '')
    .trim();

/** The snooze checked before anything is looked up or written, its refusal worded as typed. */
function typedSnooze(ctx: TurnContext, ref: string, count: number, reason: string): SnoozeChange {
  try {
    return checkSnooze(ctx, { weeks: count, reason });
  } catch (error) {
    // The model's refusal of the weeks or the reason, with the typed wording that would have worked.
    if (!(error instanceof ValidationError) || !SAY_AGAIN.has(error.code)) throw error;
    const wrong = error.code === 'reason_required' ? 'Say why the wait is expected.' : error.userMessage;
    throw new ValidationError(error.code, `${wrong} For example: ${snoozeExample(ref)}.`);
  }
}

/**
 * `snooze C1042 4 weeks "waiting for court date"`: the Snooze button, typed. A child in no group
 * can be past several groups' times: all their alerts are snoozed together, or none.
 */
export async function snoozeTyped(ctx: TurnContext, rest: string): Promise<Reply[]> {
  requireDirect(ctx);
  const { ref, after } = needRef(ctx, rest, snoozeExample);
  const weeks = WEEKS.exec(after.trim());
  if (!weeks) throw new ValidationError('bad_snooze', `Say for how many weeks and why, e.g. ${snoozeExample(ref)}.`);
  const reason = reasonOf(weeks[2]!);
  if (!reason) throw new ValidationError('reason_required', `Say why the wait is expected, e.g. ${snoozeExample(ref)}.`);
  const change = typedSnooze(ctx, ref, /^\d+$/.test(weeks[1]!) ? Number(weeks[1]) : 1, reason);
  await changeAlerts(ctx, await alertsOfCase(ctx, ref), change);
  return [text(snoozedText(ctx, ref, change.until))];
}

/** `hand on C1042 to Sam`: the Hand button, typed; every alert of the child goes, or none. */
export async function handTyped(ctx: TurnContext, rest: string): Promise<Reply[]> {
  requireDirect(ctx);
  const { ref, after } = needRef(ctx, rest, handExample);
  const to = TO.exec(after.trim());
  if (!to) throw new ValidationError('bad_hand', `Say who should follow it up, e.g. ${handExample(ref)}.`);
  const alerts = await alertsOfCase(ctx, ref);
  const member = await resolvePerson(ctx, to[1]!);
  if (member.userId === ctx.turn.user.id) return [text(ITS_YOU)];
  await changeAlerts(ctx, alerts, handTo(member));
  return [text(handedText(member, ref))];
}

const ALERT_VERB = /^(hand|snooze)\b\s*(.*)$/i;

/** `alert C1042 hand to @Sam` / `alert C1042 snooze 4 weeks "…"`: either button, typed after the child. */
export async function alertTyped(ctx: TurnContext, rest: string): Promise<Reply[]> {
  requireDirect(ctx);
  const both = (ref: string) => `\`alert ${ref} hand to @Sam\` or \`alert ${ref} snooze 4 weeks ${REASON_EXAMPLE}\``;
  const { ref, after } = needRef(ctx, rest, both);
  const verb = ALERT_VERB.exec(after.trim());
  if (!verb) throw new ValidationError('bad_alert_command', `Say what to do with it, e.g. ${both(ref)}.`);
  const words = `${ref} ${verb[2]!}`;
  return verb[1]!.toLowerCase() === 'hand' ? handTyped(ctx, words) : snoozeTyped(ctx, words);
}

