import type { Card } from '../../../../cards/model.js';
import type { ChangeIdea } from '../../../store/schemas/change-idea.js';
import type { Group } from '../../../store/schemas/group.js';
import { aimShortLabel, STAGE_AIMS } from './aims.js';

/** Add or edit a library entry. `values` re-fills what was typed when the form comes back with errors. */
export function ideaForm(
  groups: Group[],
  existing?: ChangeIdea,
  values: Record<string, string> = {},
): Card {
  const aims = [...Object.keys(STAGE_AIMS), ...groups.map((g) => g.key)];
  return {
    title: existing ? `Change idea: ${existing.title}` : 'New change idea',
    subtitle: 'Members pick ideas from this library when they plan a test of change.',
    form: {
      id: 'change-idea',
      title: existing ? 'Edit change idea' : 'New change idea',
      submitLabel: 'Save',
      submit: { verb: 'ideas.save', data: existing ? { key: existing.key } : {} },
      inputs: [
        {
          kind: 'text',
          id: 'title',
          label: 'Title',
          required: true,
          maxLength: 120,
          value: values.title ?? existing?.title,
          placeholder: 'e.g. Pre-ADM checklist',
        },
        {
          kind: 'choice',
          id: 'aim',
          label: 'Aim',
          required: true,
          value: values.aim ?? existing?.aim ?? 'all',
          options: aims.map((aim) => ({ value: aim, label: aimShortLabel(aim, groups) })),
        },
        {
          kind: 'multiline',
          id: 'description',
          label: 'What the change is',
          maxLength: 1000,
          value: values.description ?? existing?.description,
          placeholder: 'What people do differently, and when',
        },
      ],
    },
  };
}
