import { ValidationError } from '../../../errors.js';
import type { PdsaCycle, PdsaStage } from '../../../store/schemas/pdsa.js';
import { cycleId } from './cycle-id.js';

export const STAGE_ORDER: PdsaStage[] = ['plan', 'do', 'study', 'act'];
export const STAGE_NAMES: Record<PdsaStage, string> = { plan: 'Plan', do: 'Do', study: 'Study', act: 'Act' };

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
  const wanted = STAGE_ORDER.indexOf(stage);
  if (wanted <= STAGE_ORDER.indexOf(cycle.stage) + 1) return;
  const missing = STAGE_ORDER[wanted - 1]!;
  const id = cycleId(cycle.number);
  const why: Record<string, string> = {
    do: `${id} hasn't been carried out yet`,
    study: `${id} hasn't been studied yet`,
  };
  throw new ValidationError(
    'stage_out_of_order',
    `${why[missing] ?? `${id} needs its ${STAGE_NAMES[missing]} stage first`}. Record ${STAGE_NAMES[missing]} first with \`pdsa ${id} ${missing}\`, then ${STAGE_NAMES[stage]}.`,
  );
}
