import type { Card, FormValues } from '../../../../cards/model.js';
import { DEFAULT_CASE_REF_PATTERN } from '../../../domain/case-reference.js';
import { madeUpExample } from '../../../programme/cases/case-ref-example.js';
import type { Programme } from '../../../store/schemas/programme.js';

/**
 * What the field shows when editing: the reference the admin gave, else one the stored pattern
 * accepts, else the pattern itself (a regular expression is kept as typed). Nothing on the default
 * pattern, which an empty field keeps, nor for a new programme: a value there was saved as given
 * when the admin did not touch it, and an example such as C1042 became a one-letter pattern that
 * refused NS-1042 or AB1234 (a try-out, a review).
 */
export function shownExample(programme: Programme | null | undefined): string | undefined {
  if (!programme || programme.caseRefPattern === DEFAULT_CASE_REF_PATTERN) return undefined;
  return programme.caseRefExample ?? madeUpExample(programme.caseRefPattern) ?? programme.caseRefPattern;
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
          value: v('caseRefPattern', shownExample(existing)),
          placeholder: 'e.g. NS-1042 or C1042',
          hint:
            'One of your references as you write them (never a name): I accept the same letters, separator and 3 to 8 digits. ' +
            'Left empty, one to three letters, then 3 to 8 digits.',
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
