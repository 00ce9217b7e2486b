import type { Card, CardFact } from '../../../../cards/model.js';
import type { MilestoneCatalogue } from '../../../domain/milestone-catalogue.js';
import { dayLabel } from '../../../programme/cases/day-format.js';
import { labelOf } from '../../../programme/cases/milestone-settings.js';
import type { MilestoneChange } from '../../../programme/cases/record-changes.js';
import { plain } from '../../replies.js';

export const CONFIRM_VERB = 'milestone.confirm';
export const EDIT_VERB = 'milestone.edit';
export const CANCEL_VERB = 'milestone.cancel';

/** How the record changes what the case holds, when it replaces a date. */
function changeFacts({ record, previous, kind }: MilestoneChange): CardFact[] {
  const now = dayLabel(record.date);
  const wasActual = previous?.actual ? dayLabel(previous.actual) : '';
  const wasPlanned = previous?.planned ? dayLabel(previous.planned) : '';
  if (kind === 'correction') {
    return [{ label: 'Correction', value: `was ${wasActual} → now ${now}` }];
  }
  if (kind === 'now_actual') {
    return [{ label: 'Plan met', value: `was planned for ${wasPlanned} → happened ${now}` }];
  }
  if (kind === 'replanned') {
    return [{ label: 'New plan', value: `was planned for ${wasPlanned} → now ${now}` }];
  }
  return [];
}

/**
 * Exactly what was understood, one section per child and milestone, before anything is stored.
 * The buttons carry only the question's id: the records wait in the store, not in the card.
 */
export function confirmationCard(
  changes: readonly MilestoneChange[],
  pendingId: string,
  catalogue: MilestoneCatalogue,
  /** A "please check" line per change that looks implausible (see domain/milestone-plausibility.ts). */
  warnings: readonly (string | null)[] = [],
): Card {
  const data = { pending: pendingId };
  const sections = changes.map((change, i) => {
    const { record } = change;
    const status = record.planned ? 'Planned (booked, not yet happened)' : 'Happened';
    return {
      facts: [
        { label: 'Case', value: record.caseRef },
        { label: 'Milestone', value: plain(labelOf(catalogue, record.milestone)) },
        { label: 'Date', value: dayLabel(record.date) },
        { label: 'Status', value: status },
        ...changeFacts(change),
        ...(warnings[i] ? [{ label: '⚠️ Please check', value: warnings[i]! }] : []),
      ],
    };
  });
  const unusual = warnings.some(Boolean) ? ['If the date is right, confirm; if not, press Edit.'] : [];
  return {
    title:
      changes.length === 1
        ? 'Check before I save'
        : `Check these ${changes.length} dates before I save`,
    sections: [...sections, { text: [...unusual, 'Nothing is stored until you confirm.'].join(' ') }],
    buttons: [
      { id: 'confirm', label: 'Confirm', style: 'primary', action: { verb: CONFIRM_VERB, data } },
      { id: 'edit', label: 'Edit', action: { verb: EDIT_VERB, data } },
      { id: 'cancel', label: 'Cancel', action: { verb: CANCEL_VERB, data } },
    ],
  };
}
