import { describe, expect, it } from 'vitest';
import { pastAim, weeksAndDays } from '../../src/domain/past-aim.js';

// The one rule alerts, overdue and the digest share; their turns are tested in
// test/conversation/past-aim-one-rule.test.ts. Here, its edges.
describe('past an aim in weeks', () => {
  it('is more days than the weeks hold: 30 weeks exactly is not past 30, a day more is', () => {
    expect(pastAim('2026-05-10', '2026-12-06', 30)).toBeNull();
    expect(pastAim('2026-05-09', '2026-12-06', 30)).toBe(211);
    expect(pastAim('2026-05-06', '2026-12-06', 30)).toBe(214);
  });

  it('never counts a start after today, or a stored day that does not exist', () => {
    expect(pastAim('2026-12-07', '2026-12-06', 0)).toBeNull();
    expect(pastAim('2026-04-31', '2026-12-06', 1)).toBeNull();
  });

  it('says the wait with its days, so a child past 30 weeks never reads "30 weeks"', () => {
    expect(weeksAndDays(214)).toBe('30 weeks 4 days');
    expect(weeksAndDays(211)).toBe('30 weeks 1 day');
    expect(weeksAndDays(217)).toBe('31 weeks');
    expect(weeksAndDays(15)).toBe('2 weeks 1 day');
    expect(weeksAndDays(13)).toBe('13 days');
    expect(weeksAndDays(1)).toBe('1 day');
  });
});
