import { labelMidSentence } from '../../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import type { TurnContext } from '../../context.js';
import { card, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { type RecordProblem, checkRecords } from '../../../programme/cases/check-records.js';
import { confirmationCard } from './confirm-card.js';
import { dayLabel } from '../../../programme/cases/day-format.js';
import { labelOf, type MilestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { loadMilestones } from '../../../programme/cases/load-milestones.js';
import { MAX_RECORDS, openPending } from './pending-records.js';
import { describeChanges } from '../../../programme/cases/record-changes.js';
import { shownCases } from '../../../programme/cases/changed-since-shown.js';
import { plausibilityWarnings } from './plausibility-lines.js';

export type Proposal =
  | { problem: RecordProblem; replies?: undefined }
  | { problem?: undefined; replies: Reply[] };

function describe(records: readonly MilestoneRecord[], settings: MilestoneSettings): string {
  return records
    .map((r) => {
      const what = plain(labelMidSentence(labelOf(settings.catalogue, r.milestone)));
      return `${r.caseRef} ${what} ${r.planned ? 'planned for' : 'on'} ${dayLabel(r.date)}`;
    })
    .join('; ');
}

/**
 * Checks understood records against the cases as they are, then asks for confirmation: a card with
 * Confirm / Edit / Cancel over a stored question. Records that change nothing are only mentioned.
 */
export async function proposeRecords(
  ctx: TurnContext,
  said: MilestoneRecord[],
  settings: MilestoneSettings,
): Promise<Proposal> {
  const records = said.filter(
    (r, i) => said.findIndex((o) => JSON.stringify(o) === JSON.stringify(r)) === i,
  );
  if (records.length > MAX_RECORDS) {
    const message =
      `That’s ${records.length} dates in one message — please send at most ${MAX_RECORDS} ` +
      'at a time, so each can be checked. Nothing was recorded.';
    return { problem: { code: 'too_many', message, index: 0 } };
  }
  const existing = await loadMilestones(
    ctx,
    records.map((r) => r.caseRef),
  );
  const problem = checkRecords(records, existing, settings.catalogue);
  if (problem) return { problem };
  const changes = describeChanges(records, existing);
  const same = describe(
    changes.filter((c) => c.kind === 'unchanged').map((c) => c.record),
    settings,
  );
  const toStore = changes.filter((c) => c.kind !== 'unchanged');
  if (toStore.length === 0) {
    return { replies: [text(`Already recorded: ${same}. Nothing to change.`)] };
  }
  const stored = toStore.map((c) => c.record);
  const pendingId = await openPending(ctx, stored, shownCases(stored, existing));
  return {
    replies: [
      card(confirmationCard(toStore, pendingId, settings.catalogue, plausibilityWarnings(toStore, existing, settings.catalogue))),
      ...(same ? [text(`Already recorded, so left as is: ${same}.`)] : []),
    ],
  };
}
