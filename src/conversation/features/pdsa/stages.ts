import { ValidationError } from '../../../errors.js';
import type { PdsaCycle, PdsaStage } from '../../../store/schemas/pdsa.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';

export const STAGE_ORDER: PdsaStage[] = ['plan', 'do', 'study', 'act'];
export const STAGE_NAMES: Record<PdsaStage, string> = {
  plan: 'Plan',
  do: 'Do',
  study: 'Study',
  act: 'Act',
};

/** The later of two stages: editing an earlier stage never moves a cycle back. */
export function laterStage(a: PdsaStage, b: PdsaStage): PdsaStage {
  return STAGE_ORDER.indexOf(a) >= STAGE_ORDER.indexOf(b) ? a : b;
}

/** The stage to record next, or null once the decision is made. */
export function nextStage(cycle: Pick<PdsaCycle, 'stage'>): Exclude<PdsaStage, 'plan'> | null {
  const next = STAGE_ORDER[STAGE_ORDER.indexOf(cycle.stage) + 1];
  return next && next !== 'plan' ? next : null;
}

/** A stage may be recorded once the one before it is, and re-opened any time after to correct it. */
export function requireStageOpen(cycle: PdsaCycle, stage: PdsaStage): void {
  const reached = STAGE_ORDER.indexOf(cycle.stage);
  if (STAGE_ORDER.indexOf(stage) <= reached + 1) return;
  // Point to the first stage still missing, which is what the user can do now.
  const missing = STAGE_ORDER[reached + 1]!;
  const id = cycleId(cycle.number);
  const state = missing === 'do' ? "hasn't been carried out yet" : "hasn't been studied yet";
  throw new ValidationError(
    'stage_out_of_order',
    `${id} ${state}. Record ${STAGE_NAMES[missing]} first with \`pdsa ${id} ${missing}\`.`,
  );
}
