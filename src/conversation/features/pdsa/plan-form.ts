import type { Card, CardAction, FormInput } from '../../../../cards/model.js';
import type { ChangeIdea } from '../../../store/schemas/change-idea.js';
import type { Group } from '../../../store/schemas/group.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import { aimShortLabel } from '../change-ideas/aims.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';

/** Choice value meaning "the idea this cycle (or the cycle it builds on) already has", typed or retired. */
export const CURRENT_IDEA = '_current';

/** Why the Plan form is open: a new test, the next cycle of a ramp, or an edit of a saved plan. */
export type PlanMode =
  | { kind: 'new' }
  | { kind: 'ramp'; previous: PdsaCycle }
  | { kind: 'edit'; cycle: PdsaCycle };

export interface PlanFormOptions {
  mode: PlanMode;
  /** Library entries members may pick (retired ones left out). */
  ideas: ChangeIdea[];
  groups: Group[];
  /** Pre-filled values by input id (a cycle's plan, or what was typed when errors are shown). */
  values: Record<string, string>;
  /** Label for the CURRENT_IDEA option, when the cycle's idea is not an active library entry. */
  currentIdeaLabel?: string;
  /** The owner's name, for surfaces whose people field is text. */
  ownerName?: string;
}

/** The PDSA worksheet's Plan part as a form. */
export function planForm(options: PlanFormOptions): Card {
  const { mode, values } = options;
  const v = (id: string) => values[id] || undefined;
  const text = (
    id: string,
    label: string,
    extra: Partial<Extract<FormInput, { kind: 'text' }>> = {},
  ): FormInput => ({ kind: 'text', id, label, value: v(id), maxLength: 300, ...extra });
  const long = (
    id: string,
    label: string,
    extra: Partial<Extract<FormInput, { kind: 'multiline' }>> = {},
  ): FormInput => ({ kind: 'multiline', id, label, value: v(id), maxLength: 2000, ...extra });
  return {
    title: heading(mode),
    subtitle: 'Plan: what you will try, what you predict, and how you will know.',
    form: {
      id: 'pdsa-plan',
      title:
        mode.kind === 'edit'
          ? `Edit ${cycleId(mode.cycle.number)} plan`
          : mode.kind === 'ramp'
            ? `Test: cycle ${mode.previous.rampPosition + 1}`
            : 'New test of change',
      submitLabel: 'Save plan',
      submit: { verb: 'pdsa.plan.save', data: submitData(mode) },
      openAction: openAction(mode),
      inputs: [
        text('title', 'Title', {
          required: true,
          maxLength: 120,
          placeholder: 'e.g. Set agenda at 72-hour meetings, Team A',
        }),
        ideaInput(options),
        {
          kind: 'choice',
          id: 'groupKey',
          label: 'Aim group',
          required: true,
          value: v('groupKey'),
          options: options.groups.map((g) => ({ value: g.key, label: g.name })),
        },
        {
          kind: 'people',
          id: 'ownerId',
          label: 'Owner',
          value: v('ownerId') ? [v('ownerId')!] : undefined,
          ...(v('ownerId') && options.ownerName ? { names: [options.ownerName] } : {}),
          hint: 'Who runs this test.',
        },
        long('objective', 'Objective of this cycle', {
          required: true,
          placeholder: 'What do you want to find out?',
        }),
        long('questions', 'Questions'),
        long('prediction', 'Prediction', {
          required: true,
          hint: 'What do you expect to happen? The Study stage compares the results with this.',
        }),
        ...checkableInputs(v),
        text('who', 'Who'),
        text('what', 'What'),
        text('when', 'When'),
        text('where', 'Where'),
        long('dataToCollect', 'Data to collect'),
        text('linkedMeasures', 'Linked measures', {
          hint: 'Measure names, separated by commas, e.g. Accommodation to permanence recommendation. Its start shows on their run charts.',
        }),
        { kind: 'date', id: 'startOn', label: 'Planned start', value: v('startOn') },
      ],
    },
  };
}

/**
 * The prediction in a shape the bot checks at Study: which way the linked measure goes, how far and
 * by when. Optional, as a test may not be about a measure; when left blank the bot tries to read
 * them from the prediction's words ("falls below 30 weeks by March").
 */
function checkableInputs(v: (id: string) => string | undefined): FormInput[] {
  return [
    {
      kind: 'choice',
      id: 'predictDirection',
      label: 'Checkable prediction: the measure will…',
      value: v('predictDirection'),
      options: [
        { value: 'down', label: 'fall to or below' },
        { value: 'up', label: 'rise to or above' },
      ],
      hint: 'For a test linked to a measure: at Study the bot puts this beside what the measure did.',
    },
    { kind: 'text', id: 'predictAmount', label: 'How much (in the measure’s unit)', value: v('predictAmount'), maxLength: 20, placeholder: 'e.g. 30' },
    { kind: 'date', id: 'predictBy', label: 'By when', value: v('predictBy') },
    {
      kind: 'text',
      id: 'predictMeasure',
      label: 'Which linked measure',
      value: v('predictMeasure'),
      maxLength: 120,
      hint: 'Its name or key. Leave blank for the first linked measure.',
    },
  ];
}

function ideaInput(options: PlanFormOptions): FormInput {
  // Aim first: renderers cut long option labels at the platform's limit, and the title survives less well.
  const choices = options.ideas.map((idea) => ({
    value: idea.key,
    label: `${aimShortLabel(idea.aim, options.groups)} · ${idea.title}`,
  }));
  if (options.currentIdeaLabel)
    choices.unshift({ value: CURRENT_IDEA, label: options.currentIdeaLabel });
  return {
    kind: 'choice',
    id: 'changeIdea',
    label: 'Change idea',
    required: true,
    allowOther: true,
    value: options.values.changeIdea || undefined,
    options: choices,
    hint: 'Pick one from the library, or type your own.',
  };
}

function heading(mode: PlanMode): string {
  if (mode.kind === 'edit') return `${cycleId(mode.cycle.number)}: edit the plan`;
  if (mode.kind === 'ramp')
    return `Cycle ${mode.previous.rampPosition + 1}, building on ${cycleId(mode.previous.number)}`;
  return 'Plan a test of change (PDSA)';
}

function submitData(mode: PlanMode): NonNullable<CardAction['data']> {
  if (mode.kind === 'edit') return { number: mode.cycle.number };
  if (mode.kind === 'ramp') return { previous: mode.previous.number };
  return {};
}

function openAction(mode: PlanMode): CardAction {
  if (mode.kind === 'edit') return { verb: 'pdsa.edit', data: { number: mode.cycle.number } };
  return { verb: 'pdsa.new', data: mode.kind === 'ramp' ? { from: mode.previous.number } : {} };
}
