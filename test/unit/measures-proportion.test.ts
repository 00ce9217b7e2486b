import { describe, expect, it } from 'vitest';
import { proportionMeasure } from '../../src/domain/measures/proportion-measure.js';
import { ValidationError } from '../../src/errors.js';
import { child, FROM, SEED, TO, TODAY } from './measures-seed.js';

const options = { from: FROM, to: TO, target: { weeks: 13 }, today: TODAY } as const;

describe('proportion measure', () => {
  it('counts each child in the month of their deadline once it has passed, waiting children as missed', () => {
    const { months } = proportionMeasure(SEED, options);
    const row = (period: string) => months.find((m) => m.period === period);
    expect(months[0]!.period).toBe('2024-09');
    expect(months[months.length - 1]!.period).toBe('2025-05');
    expect(months).toHaveLength(9);
    // C1007, still waiting.
    expect(row('2024-09')).toEqual({ period: '2024-09', value: 0, numerator: 0, denominator: 1 });
    expect(row('2024-12')).toEqual({
      period: '2024-12',
      value: null,
      numerator: 0,
      denominator: 0,
    });
    // C1003 reached B 18 days late.
    expect(row('2025-03')).toEqual({ period: '2025-03', value: 0, numerator: 0, denominator: 1 });
    // C1001 and C1002 met; C1005 is still waiting past its deadline.
    expect(row('2025-04')).toEqual({
      period: '2025-04',
      value: 66.7,
      numerator: 2,
      denominator: 3,
    });
    // C1004 reached B a week late.
    expect(row('2025-05')).toEqual({ period: '2025-05', value: 0, numerator: 0, denominator: 1 });
  });

  it('does not count children whose deadline is still ahead, even those already through', () => {
    const { months } = proportionMeasure(SEED, options);
    const counted = months.reduce((sum, m) => sum + m.denominator, 0);
    // C1009 (waiting) and C1011 (met early) have deadlines in September.
    expect(counted).toBe(6);
    expect(months.some((m) => m.period >= '2025-06')).toBe(false);
  });

  it('reports the same problems as the interval measure', () => {
    const { problems } = proportionMeasure(SEED, options);
    expect(problems.map((p) => [p.caseRef, p.code])).toEqual([
      ['C1006', 'end_before_start'],
      ['C1010', 'start_missing'],
    ]);
  });

  it('reaching B on the deadline day is met; a deadline of today is not counted yet', () => {
    const cases = [
      child('C1', { accommodated: '2025-01-01', first_lac_review: '2025-01-15' }),
      child('C2', { accommodated: '2025-01-01', first_lac_review: '2025-01-16' }),
      child('C3', { accommodated: '2025-01-16' }),
    ];
    const base = { from: FROM, to: 'first_lac_review', target: { days: 14 } } as const;
    expect(proportionMeasure(cases, { ...base, today: '2025-01-30' }).months).toEqual([
      { period: '2025-01', value: 50, numerator: 1, denominator: 2 },
    ]);
    expect(proportionMeasure(cases, { ...base, today: '2025-01-31' }).months).toEqual([
      { period: '2025-01', value: 33.3, numerator: 1, denominator: 3 },
    ]);
  });

  it('adds calendar months, clipping to the month end', () => {
    const cases = [child('C1', { accommodated: '2025-08-31' })];
    const { months } = proportionMeasure(cases, {
      from: FROM,
      to: 'adm_decision',
      target: { months: 6 },
      today: '2026-03-01',
    });
    // 31 August + 6 months = 28 February 2026, passed by 1 March.
    expect(months).toEqual([{ period: '2026-02', value: 0, numerator: 0, denominator: 1 }]);
  });

  it('keeps the time axis to a given window', () => {
    const { months } = proportionMeasure(SEED, { ...options, since: '2025-03', until: '2025-06' });
    expect(months.map((m) => [m.period, m.value])).toEqual([
      ['2025-03', 0],
      ['2025-04', 66.7],
      ['2025-05', 0],
      ['2025-06', null],
    ]);
  });

  it('refuses a target that is not one whole unit', () => {
    expect(() =>
      proportionMeasure(SEED, { ...options, target: { weeks: 2, days: 3 } as never }),
    ).toThrow(ValidationError);
    expect(() => proportionMeasure(SEED, { ...options, target: { weeks: 0 } })).toThrow(
      ValidationError,
    );
  });
});
