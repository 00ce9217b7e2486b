import { otherInputId } from './form-values.js';
import { escapeHtml as e } from './html-escape.js';
import type { CardForm, FormInput } from './model.js';

export interface HtmlFormOptions {
  /** Messages by input id, shown beside the field; unknown ids are shown at the top of the form. */
  errors?: Record<string, string>;
  /** Prefix of element ids, so two copies of a form on one page do not clash. Default "<form id>-". */
  idPrefix?: string;
}

interface Field {
  name: string;
  label: string;
  required: boolean;
  /** Shown instead of "(optional)" when the answer is needed but may come from either of two controls. */
  needed?: string;
  hint?: string;
  control: (attributes: string) => string;
}

/**
 * A form for the local web chat. Every control has a <label for>, a hint and an error slot joined
 * by aria-describedby; the error slot is a role="alert" paragraph the page fills for inline errors.
 * Submission data: input names are the input ids; `data-submit` is the JSON of `form.submit`.
 */
export function formToHtml(form: CardForm, options: HtmlFormOptions = {}): string {
  const prefix = options.idPrefix ?? `${form.id}-`;
  const errors = options.errors ?? {};
  const fields = form.inputs.flatMap(fieldsFor);
  const known = new Set(fields.map((field) => field.name));
  const formErrors = Object.entries(errors).filter(([name]) => !known.has(name));
  return [
    `<form class="card-form" data-form-id="${e(form.id)}" data-submit="${e(JSON.stringify(form.submit))}" aria-labelledby="${e(prefix)}form-heading">`,
    `<h4 id="${e(prefix)}form-heading">${e(form.title)}</h4>`,
    ...formErrors.map(
      ([, message]) => `<p class="error form-error" role="alert">${e(message)}</p>`,
    ),
    ...fields.map((field) => fieldHtml(field, prefix, errors[field.name])),
    `<button type="submit" class="card-button primary">${e(form.submitLabel)}</button>`,
    '</form>',
  ].join('');
}

function fieldHtml(field: Field, prefix: string, error: string | undefined): string {
  const id = `${prefix}${field.name}`;
  const describedBy = [field.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  const attributes = [
    `id="${e(id)}"`,
    `name="${e(field.name)}"`,
    field.required ? 'required' : '',
    error ? 'aria-invalid="true"' : '',
    `aria-describedby="${e(describedBy)}"`,
  ]
    .filter(Boolean)
    .join(' ');
  return [
    '<div class="field">',
    `<label for="${e(id)}">${e(field.label)}${labelNote(field)}</label>`,
    field.hint ? `<p class="hint" id="${e(id)}-hint">${e(field.hint)}</p>` : '',
    `<p class="error" id="${e(id)}-error" role="alert">${error ? e(error) : ''}</p>`,
    field.control(attributes),
    '</div>',
  ].join('');
}

/** "(optional)" for what may be left out; nothing for what is required; the either-or note otherwise. */
function labelNote(field: Field): string {
  if (field.required) return '';
  return ` <span class="optional">(${e(field.needed ?? 'optional')})</span>`;
}

const valueAttr = (value: string | undefined) => (value ? ` value="${e(value)}"` : '');
const maxLengthAttr = (max: number | undefined) => (max !== undefined ? ` maxlength="${max}"` : '');

function fieldsFor(input: FormInput): Field[] {
  const base = {
    name: input.id,
    label: input.label,
    required: input.required === true,
    hint: input.hint,
  };
  switch (input.kind) {
    case 'text':
      return [
        {
          ...base,
          control: (a) =>
            `<input type="text" ${a}${valueAttr(input.value)}${maxLengthAttr(input.maxLength)}${input.placeholder ? ` placeholder="${e(input.placeholder)}"` : ''}>`,
        },
      ];
    case 'multiline':
      return [
        {
          ...base,
          ...(input.needed && !base.required && { needed: input.needed }),
          control: (a) =>
            `<textarea rows="4" ${a}${maxLengthAttr(input.maxLength)}${input.placeholder ? ` placeholder="${e(input.placeholder)}"` : ''}>${e(input.value ?? '')}</textarea>`,
        },
      ];
    case 'date':
      return [{ ...base, control: (a) => `<input type="date" ${a}${valueAttr(input.value)}>` }];
    case 'people': {
      // Only people pacebot already holds can be chosen here: a try-out typed a colleague's name in a
      // new group's form and was told to add them first, which the hint had not said.
      const hint = ['Names of people already added (with person add), separated by commas.', input.hint]
        .filter(Boolean)
        .join(' ');
      return [
        {
          ...base,
          hint,
          control: (a) => `<input type="text" ${a}${valueAttr((input.names ?? input.value)?.join(', '))}>`,
        },
      ];
    }
    case 'choice': {
      const options = input.options
        .map(
          (o) =>
            `<option value="${e(o.value)}"${o.value === input.value ? ' selected' : ''}>${e(o.label)}</option>`,
        )
        .join('');
      // With "other", either control may carry the answer, so neither is required on its own.
      const either = base.required && input.allowOther === true;
      const select: Field = {
        ...base,
        required: base.required && input.allowOther !== true,
        ...(either && { needed: 'pick one, or type a new one below' }),
        control: (a) => `<select ${a}><option value="">Choose…</option>${options}</select>`,
      };
      if (!input.allowOther) return [select];
      const other: Field = {
        name: otherInputId(input.id),
        label: 'Or type a new one',
        required: false,
        ...(either && { needed: 'if none above fits' }),
        control: (a) => `<input type="text" ${a}>`,
      };
      return [select, other];
    }
  }
}
