import type { ChangeIdea } from '../../../store/schemas/change-idea.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import { CURRENT_IDEA } from './plan-form.js';

/** A saved plan as form values, for the edit form. */
export function planValuesOf(cycle: PdsaCycle): Record<string, string> {
  const { plan } = cycle;
  const values: Record<string, string | undefined> = {
    title: cycle.title,
    groupKey: cycle.groupKey,
    ownerId: cycle.ownerId,
    objective: plan.objective,
    questions: plan.questions,
    prediction: plan.prediction,
    who: plan.who,
    what: plan.what,
    when: plan.when,
    where: plan.where,
    dataToCollect: plan.dataToCollect,
    linkedMeasures: cycle.linkedMeasures.join(', '),
    startOn: plan.startOn,
    predictDirection: plan.checkable?.direction,
    predictAmount: plan.checkable ? String(plan.checkable.amount) : undefined,
    predictBy: plan.checkable?.by,
    predictMeasure: plan.checkable?.measureKey,
  };
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => !!entry[1]),
  );
}

/** What the next cycle of a ramp starts with: the same idea, group and measures, a numbered title. */
export function rampValuesOf(previous: PdsaCycle, userId: string): Record<string, string> {
  const base = previous.title.replace(/\s*\(cycle \d+\)$/i, '');
  return {
    title: `${base} (cycle ${previous.rampPosition + 1})`.slice(0, 120),
    groupKey: previous.groupKey,
    ownerId: userId,
    linkedMeasures: previous.linkedMeasures.join(', '),
  };
}

/**
 * How a cycle's change idea appears in the form: its library key when that entry is still offered,
 * otherwise the CURRENT_IDEA option labelled with the idea's words (typed, or retired since).
 */
export function ideaChoiceOf(
  cycle: PdsaCycle,
  active: ChangeIdea[],
): { value: string; currentLabel?: string } {
  if (cycle.changeIdeaId && active.some((idea) => idea.key === cycle.changeIdeaId))
    return { value: cycle.changeIdeaId };
  return { value: CURRENT_IDEA, currentLabel: cycle.changeIdea };
}
