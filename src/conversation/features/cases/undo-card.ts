import type { WithId } from 'mongodb';
import type { AuditEntry } from '../../../store/schemas/audit.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import type { TurnContext } from '../../context.js';
import { card, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { caseStateOf, describeChange } from './describe-change.js';
import { undoTarget } from './undo-change.js';

/** The Undo button of the confirmation card: it carries the audit entry the card described. */
export const UNDO_CONFIRM_VERB = 'case.undo.confirm';
export const UNDO_KEEP_VERB = 'case.undo.keep';

/**
 * The one confirmation card every undo goes through (`undo`, `case C1042 undo`, the case card's
 * button): what the change was, and what undoing it puts back. Nothing changes until Undo is pressed.
 */
export function undoCard(ctx: TurnContext, caseRef: string, target: WithId<AuditEntry>): Reply {
  const mine = target.actor.userId === ctx.turn.user.id;
  const was = caseStateOf(target.before);
  const became = caseStateOf(target.after);
  const catalogue = milestoneSettings(ctx).catalogue;
  const made = describeChange(was, became, catalogue).join('; ') || 'no dates changed';
  const whose = mine ? 'your last change' : `${plain(target.actor.name)}'s last change`;
  return card({
    title: `Undo ${whose} to ${caseRef}?`,
    sections: [{ text: `The change: ${made}. Undoing it puts those dates back as they were. Nothing else changes.` }],
    buttons: [
      { id: 'undo', label: `Undo ${caseRef}`, style: 'danger', action: { verb: UNDO_CONFIRM_VERB, data: { ref: caseRef, entry: target._id.toHexString() } } },
      { id: 'keep', label: 'Keep it', action: { verb: UNDO_KEEP_VERB, data: {} } },
    ],
  });
}

/** `case C1042 undo` and the case card's "Undo last change": the confirmation card, nothing more. */
export async function askUndo(ctx: TurnContext, caseRef: string): Promise<Reply[]> {
  const { target } = await undoTarget(ctx, caseRef);
  if (!target) return [text(`There is no change to undo on ${caseRef}.`)];
  return [undoCard(ctx, caseRef, target)];
}

