import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import { ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { card, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { auditCase } from '../../../programme/cases/audit-case.js';
import { summaryCard, type WrittenCase } from './change-summary.js';
import { checkRecords } from '../../../programme/cases/check-records.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { closePending } from './pending-records.js';
import { loadMilestones } from '../../../programme/cases/load-milestones.js';
import { writeCase } from '../../../programme/cases/write-case.js';

export const ANSWERED =
  'Those dates have already been confirmed or cancelled, or the question expired. ' +
  'Send them again if they still need recording.';

function byCase(records: readonly MilestoneRecord[]): Map<string, MilestoneRecord[]> {
  const groups = new Map<string, MilestoneRecord[]>();
  for (const r of records) groups.set(r.caseRef, [...(groups.get(r.caseRef) ?? []), r]);
  return groups;
}

/**
 * Confirm: claims the question (so a second click finds it answered), checks the records again
 * against the cases as they are now (someone may have recorded a date since the card was shown),
 * stores them case by case with an audit entry each, and says what changed.
 */
export async function confirmRecords(ctx: TurnContext, pendingId: string): Promise<Reply[]> {
  const claimed = await closePending(ctx, pendingId, 'done');
  if (!claimed) return [text(ANSWERED)];
  const { catalogue } = milestoneSettings(ctx);
  const { records, pending } = claimed;
  const cancel = () =>
    ctx.store.pending.updateOne({ _id: pending._id }, { $set: { status: 'cancelled' } });
  const current = await loadMilestones(
    ctx,
    records.map((r) => r.caseRef),
  );
  const problem = checkRecords(records, current, catalogue);
  if (problem) {
    await cancel();
    return [text(`The case changed since I asked. ${problem.message}`)];
  }
  const written: WrittenCase[] = [];
  let stopped: ValidationError | undefined;
  for (const [caseRef, own] of byCase(records)) {
    try {
      const write = await writeCase(ctx, caseRef, own, catalogue);
      await auditCase(ctx, caseRef, 'record', write.before, write.after, pending.source);
      written.push({ caseRef, records: own, milestones: write.after.milestones });
    } catch (error) {
      // A race lost on a later case must not hide that the earlier ones were stored.
      if (!(error instanceof ValidationError) || written.length === 0) {
        await cancel();
        throw error;
      }
      stopped = error;
      break;
    }
  }
  const after = stopped ? [text(stopped.userMessage)] : [];
  return [card(summaryCard(written, catalogue), true), ...after];
}
