import type { Card, FormInput } from '../../../../cards/model.js';
import { activeMilestones, type MilestoneCatalogue } from '../../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import { EDIT_VERB } from './confirm-card.js';

export const EDIT_SAVE_VERB = 'milestone.edit.save';

export const STATUS_OPTIONS = [
  { value: 'happened', label: 'Happened on this date' },
  { value: 'planned', label: 'Planned / booked for this date' },
];

/** Input ids of row `n` (1-based), one row per record. */
export const rowIds = (n: number) => ({
  caseRef: `case_${n}`,
  milestone: `milestone_${n}`,
  date: `date_${n}`,
  status: `status_${n}`,
});

/** The form's values for records as understood. */
export function valuesOf(records: readonly MilestoneRecord[]): Record<string, string> {
  return Object.fromEntries(
    records.flatMap((r, i) => {
      const ids = rowIds(i + 1);
      return [
        [ids.caseRef, r.caseRef],
        [ids.milestone, r.milestone],
        [ids.date, r.date],
        [ids.status, r.planned ? 'planned' : 'happened'],
      ];
    }),
  );
}

/**
 * The records as a form, one row of case, milestone, date and status each, pre-filled with what
 * was understood (or what was typed, after an error). Submitting shows the confirmation card again.
 */
export function editForm(
  rows: number,
  values: Record<string, string>,
  catalogue: MilestoneCatalogue,
  pendingId: string,
): Card {
  const options = activeMilestones(catalogue).map((m) => ({ value: m.key, label: m.label.slice(0, 75) }));
  const n = (label: string, i: number) => (rows > 1 ? `${label} (${i})` : label);
  const inputs = Array.from({ length: rows }, (_, k): FormInput[] => {
    const i = k + 1;
    const ids = rowIds(i);
    return [
      { kind: 'text', id: ids.caseRef, label: n('Case reference', i), value: values[ids.caseRef], required: true, maxLength: 20, hint: 'The case reference only, never a name.' },
      { kind: 'choice', id: ids.milestone, label: n('Milestone', i), options, value: values[ids.milestone], required: true },
      { kind: 'date', id: ids.date, label: n('Date', i), value: values[ids.date], required: true },
      { kind: 'choice', id: ids.status, label: n('Status', i), options: STATUS_OPTIONS, value: values[ids.status] ?? 'happened', required: true },
    ];
  }).flat();
  const data = { pending: pendingId };
  return {
    title: 'Edit milestone dates',
    sections: [{ text: 'Correct what I got wrong. You’ll see the dates again before anything is stored.' }],
    form: {
      id: 'milestone-edit',
      title: 'Edit milestone dates',
      inputs,
      submitLabel: 'Check',
      submit: { verb: EDIT_SAVE_VERB, data },
      openAction: { verb: EDIT_VERB, data },
    },
  };
}
