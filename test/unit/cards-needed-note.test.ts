import { describe, expect, it } from 'vitest';
import { toAdaptiveInputs } from '../../cards/adaptive-card-inputs.js';
import { formToHtml } from '../../cards/html-form.js';
import type { CardForm, FormInput } from '../../cards/model.js';

const reason: FormInput = { kind: 'multiline', id: 'verdictReason', label: 'Why a different verdict?', needed: 'needed when you differ from the data' };
const form: CardForm = { id: 'study', title: 'Study', inputs: [reason], submitLabel: 'Save', submit: { verb: 'pdsa.study.save' } };

describe('a field needed only in some case', () => {
  it('says when it is needed instead of "(optional)" in the local chat, and in its label in Teams', () => {
    const html = formToHtml(form);
    expect(html).toContain('(needed when you differ from the data)');
    expect(html).not.toContain('(optional)');
    const [input] = toAdaptiveInputs(reason);
    expect(input).toMatchObject({ label: 'Why a different verdict? (needed when you differ from the data)', isRequired: false });
  });

  it('keeps "(optional)" for a field with no such note', () => {
    expect(formToHtml({ ...form, inputs: [{ kind: 'multiline', id: 'notes', label: 'Notes' }] })).toContain('(optional)');
  });
});
