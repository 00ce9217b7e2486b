import type { CardButton } from '../../../../cards/model.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import { nextStage, STAGE_NAMES } from './stages.js';

/** What a cycle shows as its status, in words. */
export function stageLabel(cycle: PdsaCycle): string {
  if (cycle.stage === 'act') return `Decided: ${cycle.act?.decision ?? 'done'}`;
  return {
    plan: 'Planned, to carry out',
    do: 'Carried out, to study',
    study: 'Studied, to decide',
  }[cycle.stage];
}

/**
 * After Act, the offer to carry on: the next cycle of the ramp with the same idea, or (after abandon)
 * a fresh test in the same group.
 */
export function rampButton(cycle: PdsaCycle): CardButton {
  if (cycle.act?.decision === 'abandon') {
    return {
      id: 'different',
      label: 'Test a different idea',
      style: 'primary',
      action: { verb: 'pdsa.new', data: { after: cycle.number } },
    };
  }
  return {
    id: 'ramp',
    label: `Start cycle ${cycle.rampPosition + 1}`,
    style: 'primary',
    action: { verb: 'pdsa.new', data: { from: cycle.number } },
  };
}

/** The button for the next thing to record, or the ramp offer once the decision is made. */
export function nextStepButton(cycle: PdsaCycle): CardButton {
  const next = nextStage(cycle);
  if (!next) return rampButton(cycle);
  return {
    id: next,
    label: `Record ${STAGE_NAMES[next]}`,
    style: 'primary',
    action: { verb: 'pdsa.stage', data: { number: cycle.number, stage: next } },
  };
}

export function viewButton(cycle: PdsaCycle): CardButton {
  return {
    id: 'view',
    label: 'View',
    action: { verb: 'pdsa.show', data: { number: cycle.number } },
  };
}

export function editButton(cycle: PdsaCycle): CardButton {
  return {
    id: 'edit',
    label: 'Edit plan',
    action: { verb: 'pdsa.edit', data: { number: cycle.number } },
  };
}
