import { describe, expect, it } from 'vitest';
import { intervalMeasure } from '../../src/domain/measures/interval-measure.js';
import { ValidationError } from '../../src/errors.js';
import { child, FROM, SEED, TO } from './measures-seed.js';

describe('interval measure', () => {
  const result = intervalMeasure(SEED, { from: FROM, to: TO });

  it('gives each child who reached B a point, in the order they reached it (ties by case)', () => {
    expect(result.perChild).toEqual([
      { period: '2025-03-03', value: 8, caseRef: 'C1001' },
      { period: '2025-03-21', value: 10, caseRef: 'C1002' },
      { period: '2025-03-21', value: 15.6, caseRef: 'C1003' },
      { period: '2025-05-12', value: 14, caseRef: 'C1004' },
      { period: '2025-06-20', value: 1.4, caseRef: 'C1011' },
    ]);
    expect(result.intervals.map((i) => i.days)).toEqual([56, 70, 109, 98, 10]);
  });

  it('does not count children still waiting, or with only a planned date, as intervals', () => {
    const refs = result.intervals.map((i) => i.caseRef);
    expect(refs).not.toContain('C1005');
    expect(refs).not.toContain('C1007');
    expect(refs).not.toContain('C1009');
  });

  it('reports B before A, and B without A, as problems instead of measuring them', () => {
    expect(result.problems).toEqual([
      {
        caseRef: 'C1006',
        code: 'end_before_start',
        message:
          'C1006: permanence_recommendation (2025-03-15) is before accommodated (2025-04-01).',
      },
      {
        caseRef: 'C1010',
        code: 'start_missing',
        message:
          'C1010 has a permanence_recommendation date (2025-02-01) but no accommodated date.',
      },
    ]);
  });

  it('gives the monthly median, keeping empty months as null', () => {
    expect(result.monthly).toEqual([
      { period: '2025-03', value: 10, count: 3 },
      { period: '2025-04', value: null, count: 0 },
      { period: '2025-05', value: 14, count: 1 },
      { period: '2025-06', value: 1.4, count: 1 },
    ]);
  });

  it('runs the months to a given until (and from a given since)', () => {
    const windowed = intervalMeasure(SEED, {
      from: FROM,
      to: TO,
      since: '2025-02',
      until: '2025-07-15',
    });
    expect(windowed.monthly.map((m) => [m.period, m.value])).toEqual([
      ['2025-02', null],
      ['2025-03', 10],
      ['2025-04', null],
      ['2025-05', 14],
      ['2025-06', 1.4],
      ['2025-07', null],
    ]);
    const cut = intervalMeasure(SEED, { from: FROM, to: TO, until: '2025-04' });
    expect(cut.perChild.map((p) => p.caseRef)).toEqual(['C1001', 'C1002', 'C1003']);
    expect(cut.monthly.map((m) => m.period)).toEqual(['2025-03', '2025-04']);
  });

  it('takes the median of an even count as the mean of the middle two, from exact days', () => {
    const cases = [
      child('C1', { accommodated: '2025-01-01', permanence_recommendation: '2025-02-26' }),
      child('C2', { accommodated: '2025-01-01', permanence_recommendation: '2025-03-05' }),
    ];
    const { intervals, monthly } = intervalMeasure(cases, { from: FROM, to: TO });
    expect(intervals.map((i) => i.days)).toEqual([56, 63]);
    expect(monthly).toEqual([
      { period: '2025-02', value: 8, count: 1 },
      { period: '2025-03', value: 9, count: 1 },
    ]);
    // C3 takes 56 days and also reaches B in March: median 59.5 days = 8.5 weeks.
    const sameMonth = intervalMeasure(
      [
        ...cases,
        child('C3', { accommodated: '2025-01-08', permanence_recommendation: '2025-03-05' }),
      ],
      { from: FROM, to: TO, since: '2025-03' },
    );
    expect(sameMonth.monthly).toEqual([{ period: '2025-03', value: 8.5, count: 2 }]);
  });

  it('a B on the same day as A is an interval of zero', () => {
    const same = [
      child('C1', { accommodated: '2025-01-01', permanence_recommendation: '2025-01-01' }),
    ];
    expect(intervalMeasure(same, { from: FROM, to: TO }).perChild[0]!.value).toBe(0);
  });

  it('is empty, not an error, when nobody has reached B', () => {
    const none = intervalMeasure([child('C1', { accommodated: '2025-01-01' })], {
      from: FROM,
      to: TO,
    });
    expect(none).toEqual({ intervals: [], perChild: [], monthly: [], problems: [] });
  });

  it('refuses an impossible date with where it is', () => {
    const bad = [child('C1', { accommodated: '2025-04-31' })];
    expect(() => intervalMeasure(bad, { from: FROM, to: TO })).toThrow(ValidationError);
    expect(() => intervalMeasure(bad, { from: FROM, to: TO })).toThrow(
      '[0].milestones.accommodated.actual: is not a real calendar date',
    );
  });
});
