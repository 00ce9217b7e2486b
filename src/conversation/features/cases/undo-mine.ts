import type { TurnContext } from '../../context.js';
import { card, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { UNDO_VERB } from './case-card.js';
import { lastUndoable } from './undo-change.js';

/** `undo` alone reaches back this far: beyond a day, say which case. */
const UNDO_WITHIN_MS = 24 * 60 * 60 * 1000;

/**
 * `undo` on its own: your last change to a child's dates, within a day, asked before it is undone.
 * The card's button is the same as a case card's "Undo last change".
 */
export async function undoMine(ctx: TurnContext): Promise<Reply[]> {
  ctx.requireProgramme();
  const since = new Date(ctx.now.getTime() - UNDO_WITHIN_MS);
  const mine = await ctx.store.audit.findOne(
    { entity: 'case', action: 'record', 'actor.userId': ctx.turn.user.id, at: { $gt: since } },
    { sort: { at: -1, _id: -1 } },
  );
  const last = mine ? await lastUndoable(ctx, mine.entityId) : null;
  if (!mine || !last || !last._id.equals(mine._id)) {
    return [text('You have no change from the last day left to undo. To undo an older one, say `case C1042 undo`.')];
  }
  const caseRef = mine.entityId;
  return [
    card({
      title: `Undo your last change to ${caseRef}?`,
      sections: [{ text: 'It puts back the dates as they were before you changed them. Nothing else changes.' }],
      buttons: [
        { id: 'undo', label: `Undo ${caseRef}`, style: 'danger', action: { verb: UNDO_VERB, data: { ref: caseRef } } },
        { id: 'keep', label: 'Keep it', action: { verb: 'case.undo.keep', data: {} } },
      ],
    }),
  ];
}
