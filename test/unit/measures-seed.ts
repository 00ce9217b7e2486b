import type { CaseMilestones } from '../../src/domain/measures/case-milestones.js';

/** A child with actual milestone dates, and optionally planned ones. */
export function child(
  caseRef: string,
  actual: Record<string, string>,
  planned: Record<string, string> = {},
): CaseMilestones {
  const milestones: CaseMilestones['milestones'] = {};
  for (const [key, date] of Object.entries(actual)) milestones[key] = { actual: date };
  for (const [key, date] of Object.entries(planned))
    milestones[key] = { ...milestones[key], planned: date };
  return { caseRef, milestones };
}

export const TODAY = '2025-06-30';
export const FROM = 'accommodated';
export const TO = 'permanence_recommendation';

/**
 * A small programme, with the days from accommodation to recommendation worked out by hand.
 * Shared by the measures tests; each comment gives the figure the tests expect.
 */
export const SEED: CaseMilestones[] = [
  // 56 days = 8.0 weeks; 13-week deadline 2025-04-07, met.
  child('C1001', { accommodated: '2025-01-06', permanence_recommendation: '2025-03-03' }),
  // 70 days = 10.0 weeks; deadline 2025-04-11, met.
  child('C1002', { accommodated: '2025-01-10', permanence_recommendation: '2025-03-21' }),
  // 109 days = 15.6 weeks; deadline 2025-03-03, missed. Same B date as C1002.
  child('C1003', { accommodated: '2024-12-02', permanence_recommendation: '2025-03-21' }),
  // 98 days = 14.0 weeks; deadline 2025-05-05, missed.
  child('C1004', { accommodated: '2025-02-03', permanence_recommendation: '2025-05-12' }),
  // Still waiting: 161 days (23 weeks) by TODAY; deadline 2025-04-21 passed, so it counts as missed.
  child('C1005', { accommodated: '2025-01-20' }),
  // Recommendation before accommodation: a data problem, not a negative interval.
  child('C1006', { accommodated: '2025-04-01', permanence_recommendation: '2025-03-15' }),
  // Waiting 392 days (56 weeks); deadline 2024-09-02, missed.
  child('C1007', { accommodated: '2024-06-03' }),
  // Not in this measure at all.
  child('C1008', { cso_at_home: '2025-02-14' }),
  // Only a planned recommendation: still waiting, 28 days (4 weeks); deadline 2025-09-01 ahead.
  child('C1009', { accommodated: '2025-06-02' }, { permanence_recommendation: '2025-06-20' }),
  // A recommendation with no accommodation date: a data problem.
  child('C1010', { permanence_recommendation: '2025-02-01' }),
  // 10 days = 1.4 weeks; met early, but its deadline (2025-09-09) is still ahead.
  child('C1011', { accommodated: '2025-06-10', permanence_recommendation: '2025-06-20' }),
];
