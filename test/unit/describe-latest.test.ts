import { describe, expect, it } from 'vitest';
import { describeLatest } from '../../src/programme/measures/describe-latest.js';

const interval = { kind: 'interval' as const, unit: 'weeks' };
const share = { kind: 'proportion' as const, unit: '%' };

describe("a measure's latest point in words", () => {
  it('says a per-child point is one child, named by reference only where children may be named', () => {
    const point = { period: '2026-11-12', value: 19.7, caseRef: 'C1138' };
    expect(describeLatest(point, interval, { perChild: true, audience: 'person' })).toBe('latest child 19.7 weeks (C1138, 12 November 2026)');
    expect(describeLatest(point, interval, { perChild: true, audience: 'group' })).toBe('latest child: in a direct message');
  });

  it("says an interval measure's monthly point is that month's median", () => {
    const point = { period: '2026-10', value: 31.4 };
    expect(describeLatest(point, interval, { perChild: false, audience: 'group' })).toBe('latest monthly median 31.4 weeks (October 2026)');
  });

  it('gives a share its counts, so 0% of a small month reads fairly', () => {
    const point = { period: '2026-10', value: 0, numerator: 0, denominator: 3 };
    expect(describeLatest(point, share, { perChild: false, audience: 'person' })).toBe('latest 0% (0 of 3, October 2026)');
  });

  it('gives a group the counts only when neither side of the share is under 5: "2 of 3" could be a child', () => {
    const few = { period: '2026-10', value: 88.2, numerator: 15, denominator: 17 };
    expect(describeLatest(few, share, { perChild: false, audience: 'group' })).toBe('latest 88.2% (October 2026)');
    expect(describeLatest(few, share, { perChild: false, audience: 'person' })).toBe('latest 88.2% (15 of 17, October 2026)');
    const enough = { period: '2026-10', value: 55.6, numerator: 10, denominator: 18 };
    expect(describeLatest(enough, share, { perChild: false, audience: 'group' })).toBe('latest 55.6% (10 of 18, October 2026)');
    const none = { period: '2026-10', value: 0, numerator: 0, denominator: 6 };
    expect(describeLatest(none, share, { perChild: false, audience: 'group' })).toBe('latest 0% (0 of 6, October 2026)');
  });

  it('keeps a recorded value without counts as it is', () => {
    const point = { period: '2026-10', value: 84 };
    expect(describeLatest(point, share, { perChild: false, audience: 'person' })).toBe('latest 84% (October 2026)');
  });
});
