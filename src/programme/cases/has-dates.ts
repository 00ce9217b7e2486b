import type { Case } from '../../store/schemas/case.js';

/**
 * Whether a case holds any date, reached or planned. A case whose dates were all taken away again
 * is an empty shell: nobody holds it, lists skip it and a hand-over does not move it.
 */
export function hasDates(held: Pick<Case, 'milestones'>): boolean {
  return Object.values(held.milestones).some((dates) => dates.actual || dates.planned);
}
