import type { Card, FormValues } from '../../../../cards/model.js';
import { DEFAULT_CASE_REF_PATTERN } from '../../../domain/case-reference.js';
import type { Programme } from '../../../store/schemas/programme.js';

/** A reference that fits the stored pattern, to show in the form; the pattern itself if none is known. */
function exampleOf(pattern: string | undefined): string {
  if (!pattern || pattern === DEFAULT_CASE_REF_PATTERN) return 'C1042';
  for (const candidate of ['C1042', 'NS-1042', 'SW/1042', 'AB_1042', 'AB.1042', 'ABC1042', 'C104', 'C1042567']) {
    if (new RegExp(pattern).test(candidate)) return candidate;
  }
  return pattern;
}

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
          label: 'An example case reference',
          required: true,
          value: v('caseRefPattern', exampleOf(existing?.caseRefPattern)),
          hint: 'One of your references as you write them, e.g. NS-1042 or C1042 (never a name). I accept the same letters, separator and 3 to 8 digits.',
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
