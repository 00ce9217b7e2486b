import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { pastThresholdGaps } from '../../src/digest/data-gaps.js';

const TODAY = '2026-12-05';
const weeksAgo = (weeks: number) =>
  DateTime.fromISO(TODAY, { zone: 'UTC' }).minus({ weeks }).toISODate()!;
const accommodated = (caseRef: string, weeks: number) => ({
  caseRef,
  milestones: { accommodated: { actual: weeksAgo(weeks) } },
});

describe('still waiting after the aim’s time', () => {
  it('lists the longest wait first, not in case-reference order', () => {
    const cases = [
      accommodated('C1037', 100),
      accommodated('C1001', 10),
      accommodated('C1048', 93),
      accommodated('C1050', 40),
      accommodated('C1020', 93),
    ];
    const gaps = pastThresholdGaps(
      [...cases].sort((a, b) => a.caseRef.localeCompare(b.caseRef)),
      { from: 'accommodated', to: 'permanence_recommendation', weeks: 30, today: TODAY },
      (key) => key,
    );
    // Equal waits fall back to the reference, so the list is stable from one digest to the next.
    expect(gaps.map((g) => g.caseRef)).toEqual(['C1037', 'C1020', 'C1048', 'C1050']);
    expect(gaps[0]!.detail).toBe('100 weeks since accommodated, no permanence_recommendation yet');
  });
});
