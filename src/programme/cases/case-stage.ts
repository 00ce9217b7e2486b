import { DateTime } from 'luxon';
import type { MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import type { Case } from '../../store/schemas/case.js';

export interface CaseStage {
  caseRef: string;
  /** The latest milestone the child has reached, by catalogue order, and when. */
  stage: string | null;
  since: string | null;
  /** Whole weeks since that milestone, as of today. */
  weeks: number | null;
}

/** Where a child's journey stands today: the furthest milestone reached and how long ago. */
export function caseStage(held: Pick<Case, 'caseRef' | 'milestones'>, catalogue: MilestoneCatalogue, today: string): CaseStage {
  const reached = catalogue
    .filter((m) => held.milestones[m.key]?.actual && held.milestones[m.key]!.actual! <= today)
    .sort((a, b) => a.order - b.order);
  const last = reached.at(-1);
  if (!last) return { caseRef: held.caseRef, stage: null, since: null, weeks: null };
  const since = held.milestones[last.key]!.actual!;
  const weeks = Math.floor(DateTime.fromISO(today).diff(DateTime.fromISO(since), 'weeks').weeks);
  return { caseRef: held.caseRef, stage: last.key, since, weeks };
}
