import type { TurnContext } from '../../context.js';
import { card, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { summaryCard, type WrittenCase } from './change-summary.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { claimPending } from './pending-records.js';
import { applyPendingRecords } from '../../../programme/cases/apply-pending-records.js';

export const ANSWERED =
  'Those dates have already been confirmed or cancelled, or the question expired. ' +
  'Send them again if they still need recording.';

/**
 * Confirm: claims the question (so a second click finds it answered), then the model checks the
 * records again against the cases as they are now (someone may have recorded, corrected or undone a
 * date since the card was shown) and refuses, closing the question, if the card no longer holds;
 * otherwise it stores them case by case with their audit entries, closes the question, and the
 * card says what changed.
 */
export async function confirmRecords(ctx: TurnContext, pendingId: string): Promise<Reply[]> {
  const claimed = await claimPending(ctx, pendingId);
  if (!claimed) return [text(ANSWERED)];
  const { catalogue } = milestoneSettings(ctx);
  const applied = await applyPendingRecords(ctx, claimed.pending);
  if (applied.refused) return [text(plain(applied.refused))];
  const written: WrittenCase[] = applied.written;
  const after = applied.stopped ? [text(applied.stopped.userMessage)] : [];
  return [card(summaryCard(written, catalogue), true), ...after];
}
