import type { Card, FormValues } from '../../../../cards/model.js';
import { DEFAULT_INTERVAL_MEASURES } from '../../../domain/measures/index.js';
import type { Group } from '../../../store/schemas/group.js';

/**
 * Create or edit an aim group with its aim (statement + measurable target + date). `typed`: what was
 * submitted, shown again in place of the stored values when a submission is refused.
 */
export function groupForm(existing?: Group, typed?: FormValues): Card {
  const v = (id: string, stored: string | undefined) => (typed ? typed[id] || undefined : stored);
  return {
    title: existing ? `Aim group: ${existing.name}` : 'New aim group',
    subtitle: 'An aim says what, by how much, and by when.',
    form: {
      id: 'group-settings',
      // Not the card's own title again: the web page showed "New aim group" twice (a try-out).
      title: existing ? 'Edit aim group' : 'The group and its aim',
      submitLabel: 'Save',
      submit: { verb: 'setup.group.save', data: existing ? { key: existing.key } : {} },
      inputs: [
        { kind: 'text', id: 'name', label: 'Group name', required: true, maxLength: 80, value: v('name', existing?.name), placeholder: 'e.g. Permanence milestones' },
        {
          kind: 'multiline',
          id: 'aimStatement',
          label: 'Aim',
          required: true,
          maxLength: 500,
          value: v('aimStatement', existing?.aim?.statement),
          placeholder: 'e.g. Reduce the time from accommodation to permanence recommendation',
        },
        { kind: 'text', id: 'aimTarget', label: 'Measurable target', required: true, maxLength: 200, value: v('aimTarget', existing?.aim?.target), placeholder: 'e.g. 95% within 26 weeks' },
        { kind: 'date', id: 'aimTargetDate', label: 'By when', required: true, value: v('aimTargetDate', existing?.aim?.targetDate) },
        {
          kind: 'choice',
          id: 'aimMeasureKey',
          label: 'Key measure',
          value: v('aimMeasureKey', existing?.aim?.measureKey),
          hint: 'The run chart that shows progress towards the aim in the digest.',
          options: DEFAULT_INTERVAL_MEASURES.map((m) => ({ value: m.id, label: m.name })),
        },
        {
          kind: 'text',
          id: 'aimTargetValue',
          label: 'Target line (weeks)',
          value: v('aimTargetValue', existing?.aim?.targetValue === undefined ? undefined : String(existing.aim.targetValue)),
          placeholder: 'e.g. 28',
          hint: 'Optional: drawn as this group\'s target on its key measure\'s chart, in chat, the digest and the pack.',
        },
        // Pickers add people (who need not have written to the bot yet); people already in stay.
        { kind: 'people', id: 'addLeads', label: existing ? 'Add leads' : 'Leads', multiple: true, hint: 'They receive the digest and chase gaps.', ...picked(typed?.addLeads) },
        { kind: 'people', id: 'addMembers', label: existing ? 'Add members' : 'Members', multiple: true, ...picked(typed?.addMembers) },
      ],
    },
  };
}

/**
 * The people a refused submission named, shown again, so sending it once more (after `person add`)
 * still adds them: ids on Slack and Teams, names in the local chat, which shows them as typed.
 */
function picked(typed: string | undefined): { value: string[]; names: string[] } | Record<string, never> {
  const said = (typed ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return said.length > 0 ? { value: said, names: said } : {};
}
