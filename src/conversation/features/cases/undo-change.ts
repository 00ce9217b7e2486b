import type { WithId } from 'mongodb';
import { ForbiddenError, ValidationError } from '../../../errors.js';
import type { AuditEntry } from '../../../store/schemas/audit.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { auditStampedChanges } from '../../../programme/cases/audit-stamped-change.js';
import { changeStamp } from '../../../programme/cases/write-case.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import type { CaseMilestoneMap } from '../../../programme/cases/record-changes.js';
import { findCase } from './case-ref-arg.js';
import { caseStateOf, describeChange } from './describe-change.js';

/**
 * The newest change not yet undone. Undo entries name the entry they reverted, so undoing again
 * steps further back rather than undoing the undo.
 */
export async function lastUndoable(
  ctx: TurnContext,
  caseRef: string,
): Promise<WithId<AuditEntry> | null> {
  const entries = await ctx.store.audit
    .find(
      { entity: 'case', entityId: caseRef, action: { $in: ['record', 'undo'] } },
      { sort: { at: -1, _id: -1 }, limit: 500 },
    )
    .toArray();
  const undone = new Set<string>();
  for (const entry of entries) {
    if (entry.action === 'undo') {
      const undoes = caseStateOf(entry.after)?.undoes;
      if (undoes) undone.add(undoes);
    } else if (!undone.has(entry._id.toHexString())) return entry;
  }
  return null;
}

/** Puts back, for each milestone the change touched, what it held before; leaves the rest. */
function reverted(
  current: CaseMilestoneMap,
  before: CaseMilestoneMap,
  after: CaseMilestoneMap,
): CaseMilestoneMap {
  const next = structuredClone(current);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (before[key]) next[key] = before[key];
    else delete next[key];
  }
  return next;
}

/**
 * The newest change to the case not yet undone, with pending audit written first, or a refusal
 * when it is someone else's and the asker is neither a lead nor an admin.
 */
export async function undoTarget(ctx: TurnContext, caseRef: string) {
  let current = await findCase(ctx, caseRef);
  // A change still waiting for its audit entry (a crash in between) is audited first: it may be
  // the very change to undo, and its stamp must not be replaced before then.
  if (current.lastChange?.pendingAudit) {
    await auditStampedChanges(ctx.store, [current]);
    current = await findCase(ctx, caseRef);
  }
  const target = await lastUndoable(ctx, caseRef);
  if (!target) return { current, target: null, mine: false };
  const mine = target.actor.userId === ctx.turn.user.id;
  if (!mine && !ctx.isAdmin && ctx.leadOf.length === 0) {
    throw new ForbiddenError(
      `The last change to ${caseRef} was made by ${plain(target.actor.name)}. ` +
        'Only they, a lead or an admin can undo it.',
    );
  }
  return { current, target, mine };
}

/**
 * The card's Undo: reverts the change the card described, audited as an undo, if it is still the
 * last change to the case. Someone else's change may be undone only by a lead or an admin.
 */
export async function undoLastChange(ctx: TurnContext, caseRef: string, entryId: unknown): Promise<Reply[]> {
  const { current, target, mine } = await undoTarget(ctx, caseRef);
  if (!target || target._id.toHexString() !== entryId) {
    // Pressed twice, or the case changed after the card was shown: never undo something unseen.
    return [text(`That change to ${caseRef} was already undone, or ${caseRef} has changed since. Have a look with \`case ${caseRef}\`.`)];
  }
  const was = caseStateOf(target.before);
  const became = caseStateOf(target.after);
  const milestones = reverted(current.milestones, was?.milestones ?? {}, became?.milestones ?? {});
  const { platform, eventId } = ctx.turn;
  const change = { key: `undo-${eventId}`, source: { platform, eventId } };
  const lastChange = { ...changeStamp(ctx, change, 'undo', current), undoes: target._id.toHexString() };
  const after = await ctx.store.cases.findOneAndUpdate(
    { caseRef, version: current.version },
    { $set: { milestones, lastChange, updatedAt: ctx.now }, $inc: { version: 1 } },
  );
  if (!after) {
    throw new ValidationError(
      'edit_conflict',
      `Someone changed ${caseRef} a moment ago. ` +
        `Have a look with \`case ${caseRef}\`, then try again.`,
    );
  }
  await auditStampedChanges(ctx.store, [after]);
  const what = describeChange(became, was, milestoneSettings(ctx).catalogue);
  const whose = mine ? 'your change' : `the change by ${plain(target.actor.name)}`;
  return [text(`Undone ${whose} on *${caseRef}*: ${what.join('; ') || 'no dates changed'}.`)];
}
