import type { Card, FormValues } from '../../../../cards/model.js';
import { DEFAULT_CASE_REF_PATTERN } from '../../../domain/case-reference.js';
import type { Programme } from '../../../store/schemas/programme.js';

/** The programme settings form; pre-filled when editing, or with `typed` when a submission is refused. */
export function programmeForm(existing?: Programme | null, typed?: FormValues): Card {
  const v = (id: string, stored: string | undefined) => (typed ? typed[id] || undefined : stored);
  return {
    title: existing ? 'Programme settings' : 'Set up your programme',
    subtitle: 'One programme per workspace: your local area\'s champions\' group.',
    form: {
      id: 'programme-settings',
      title: 'Programme',
      submitLabel: 'Save',
      submit: { verb: 'setup.programme.save' },
      inputs: [
        { kind: 'text', id: 'name', label: 'Programme name', required: true, maxLength: 120, value: v('name', existing?.name), placeholder: 'e.g. Northshire PACE' },
        { kind: 'text', id: 'timeZone', label: 'Time zone', required: true, value: v('timeZone', existing?.timeZone ?? 'Europe/London') },
        {
          kind: 'text',
          id: 'caseRefPattern',
          label: 'Case reference pattern',
          required: true,
          value: v('caseRefPattern', existing?.caseRefPattern ?? DEFAULT_CASE_REF_PATTERN),
          hint: 'A regular expression. Default: one to three letters then 3 to 8 digits, e.g. C1042.',
        },
        {
          kind: 'choice',
          id: 'ruleSet',
          label: 'Run-chart rules',
          value: v('ruleSet', existing?.ruleSet ?? 'ihi'),
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
