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
  const options = activeMilestones(catalogue).map((m) => ({
    value: m.key,
    label: m.label.slice(0, 75),
  }));
  const inputs = Array.from({ length: rows }, (_, k): FormInput[] => {
    const ids = rowIds(k + 1);
    const label = (text: string) => (rows > 1 ? `${text} (${k + 1})` : text);
    const common = (id: string, text: string) => ({
      id,
      label: label(text),
      value: values[id],
      required: true,
    });
    return [
      {
        kind: 'text',
        ...common(ids.caseRef, 'Case reference'),
        maxLength: 20,
        hint: 'The case reference only, never a name.',
      },
      { kind: 'choice', ...common(ids.milestone, 'Milestone'), options },
      { kind: 'date', ...common(ids.date, 'Date') },
      {
        kind: 'choice',
        ...common(ids.status, 'Status'),
        value: values[ids.status] ?? 'happened',
        options: STATUS_OPTIONS,
      },
    ];
  }).flat();
  const data = { pending: pendingId };
  return {
    title: 'Edit milestone dates',
    sections: [
      { text: 'Correct what I got wrong. You’ll see the dates again before anything is stored.' },
    ],
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
