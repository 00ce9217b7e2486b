import { escapeAdaptive } from './adaptive-text.js';
import type { AcElement } from './adaptive-card-types.js';
import { otherInputId } from './form-values.js';
import type { FormInput } from './model.js';
import { restorePlain } from './plain-text.js';

/**
 * Form inputs as Adaptive Card 1.5 inputs with `label`, `isRequired` and `errorMessage` (1.3+), so
 * Teams validates before sending. A hint has no slot on an input, so it follows as subtle text.
 */
export function toAdaptiveInputs(input: FormInput): AcElement[] {
  const base = {
    id: input.id,
    // Teams marks nothing as optional, so a "needed when …" note goes in the label itself (Slack
    // adds its own "(optional)", and the hint there says when it is needed).
    label: restorePlain(input.kind === 'multiline' && input.needed && !input.required ? `${input.label} (${input.needed})` : input.label),
    isRequired: input.required === true,
    errorMessage: input.required
      ? `Please fill in “${input.label}”.`
      : `Please check “${input.label}”.`,
  };
  const hint: AcElement[] = input.hint
    ? [
        {
          type: 'TextBlock',
          text: escapeAdaptive(input.hint),
          wrap: true,
          isSubtle: true,
          size: 'small',
          spacing: 'none',
        },
      ]
    : [];
  switch (input.kind) {
    case 'text':
    case 'multiline':
      return [
        {
          type: 'Input.Text',
          ...base,
          ...(input.kind === 'multiline' && { isMultiline: true }),
          ...(input.value !== undefined && { value: input.value }),
          ...(input.placeholder && { placeholder: input.placeholder }),
          ...(input.maxLength !== undefined && { maxLength: input.maxLength }),
        },
        ...hint,
      ];
    case 'date':
      return [{ type: 'Input.Date', ...base, ...(input.value && { value: input.value }) }, ...hint];
    case 'choice':
      return [...choiceInputs(input, base), ...hint];
    case 'people':
      return [peoplePicker(input, base), ...hint];
  }
}

type ChoiceInput = Extract<FormInput, { kind: 'choice' }>;
type PeopleInput = Extract<FormInput, { kind: 'people' }>;

function choiceInputs(input: ChoiceInput, base: Record<string, unknown>): AcElement[] {
  const select: AcElement = {
    type: 'Input.ChoiceSet',
    ...base,
    style: 'compact',
    placeholder: 'Choose…',
    choices: input.options.map((option) => ({ title: restorePlain(option.label), value: option.value })),
    ...(input.value && { value: input.value }),
  };
  if (!input.allowOther) return [select];
  // Either the list or the text may carry the answer, so neither can be required on its own;
  // the core checks that one of them was given.
  return [
    { ...select, isRequired: false },
    {
      type: 'Input.Text',
      id: otherInputId(input.id),
      label: 'Or type a new one',
      isRequired: false,
      errorMessage: `Please check “${input.label}”.`,
    },
  ];
}

/**
 * Teams' people picker: an Input.ChoiceSet extended with `choices.data` (Teams docs "People Picker in
 * Adaptive Cards"; not in the 1.5 JSON schema). The value is comma-separated AAD object ids.
 */
function peoplePicker(input: PeopleInput, base: Record<string, unknown>): AcElement {
  const ids = input.value ?? [];
  return {
    type: 'Input.ChoiceSet',
    ...base,
    isMultiSelect: input.multiple === true,
    // A prefilled person must also be a choice; we only know the id, so it doubles as the title.
    choices: ids.map((id) => ({ title: id, value: id })),
    'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    ...(ids.length > 0 && { value: ids.join(',') }),
  };
}
