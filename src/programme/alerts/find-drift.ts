import { pastAim } from '../../domain/past-aim.js';
import type { Case } from '../../store/schemas/case.js';
import type { DriftThreshold } from './drift-thresholds.js';

/** A child past a group's threshold without the next milestone. */
export interface Drift {
  threshold: DriftThreshold;
  caseRef: string;
  startedOn: string;
  days: number;
  key: string;
}

/** One key per group, child, stage and threshold: a new threshold is a new alert, the same one is not. */
export const driftKey = (t: DriftThreshold, caseRef: string) =>
  `drift:${t.group.key}:${caseRef}:${t.from}:${t.to}:${t.weeks}`;

/**
 * Children who started a group's stage more than its threshold ago and have not reached its end:
 * the group's own children, and those in no group (as the digest counts them). Past by the rule
 * overdue and the digest share (pastAim): more days than the weeks hold.
 */
export function findDrift(
  cases: readonly Pick<Case, 'caseRef' | 'milestones' | 'groupKey'>[],
  thresholds: readonly DriftThreshold[],
  today: string,
): Drift[] {
  return thresholds.flatMap((threshold) =>
    cases.flatMap((c): Drift[] => {
      if (c.groupKey && c.groupKey !== threshold.group.key) return [];
      const startedOn = c.milestones[threshold.from]?.actual;
      if (!startedOn || c.milestones[threshold.to]?.actual) return [];
      const days = pastAim(startedOn, today, threshold.weeks);
      if (days === null) return [];
      return [{ threshold, caseRef: c.caseRef, startedOn, days, key: driftKey(threshold, c.caseRef) }];
    }),
  );
}
