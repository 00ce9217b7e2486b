import type { Card } from '../../../../cards/model.js';
import { DEFAULT_CASE_REF_PATTERN } from '../../../domain/case-reference.js';
import type { Programme } from '../../../store/schemas/programme.js';

/** The programme settings form; pre-filled when editing. */
export function programmeForm(existing?: Programme | null): Card {
  return {
    title: existing ? 'Programme settings' : 'Set up your programme',
    subtitle: 'One programme per workspace: your local area\'s champions\' group.',
    form: {
      id: 'programme-settings',
      title: 'Programme',
      submitLabel: 'Save',
      submit: { verb: 'setup.programme.save' },
      inputs: [
        { kind: 'text', id: 'name', label: 'Programme name', required: true, maxLength: 120, value: existing?.name, placeholder: 'e.g. Northshire PACE' },
        { kind: 'text', id: 'timeZone', label: 'Time zone', required: true, value: existing?.timeZone ?? 'Europe/London' },
        {
          kind: 'text',
          id: 'caseRefPattern',
          label: 'Case reference pattern',
          required: true,
          value: existing?.caseRefPattern ?? DEFAULT_CASE_REF_PATTERN,
          hint: 'A regular expression. Default: one to three letters then 3 to 8 digits, e.g. C1042.',
        },
        {
          kind: 'choice',
          id: 'ruleSet',
          label: 'Run-chart rules',
          value: existing?.ruleSet ?? 'ihi',
          required: true,
          options: [
            { value: 'ihi', label: 'IHI (shift, trend, runs)' },
            { value: 'anhoej', label: 'Anhøj (longest run, crossings)' },
          ],
        },
      ],
    },
  };
}
