import { describe, expect, it } from 'vitest';
import { parsePrediction, scorePrediction } from '../../src/domain/predictions/index.js';

const months = (values: (number | null)[], from = 1) =>
  values.map((value, i) => ({ period: `2026-${String(from + i).padStart(2, '0')}`, value }));

describe('scorePrediction', () => {
  const down = { direction: 'down' as const, amount: 30, by: '2026-12-31' };
  const points = [...months([40, 40, 40], 1), ...months([30, 31, 29], 4)];

  it('is met when the median since the start reaches the amount, equal included', () => {
    expect(scorePrediction({ prediction: down, startedOn: '2026-04-02', points })).toMatchObject({ verdict: 'met', level: 30, before: 40 });
  });

  it('is partly met when it moved the predicted way without reaching the amount', () => {
    expect(scorePrediction({ prediction: { ...down, amount: 25 }, startedOn: '2026-04-02', points }).verdict).toBe('partly_met');
  });

  it('is not met when it moved the other way, stayed, or there is nothing before to compare', () => {
    expect(scorePrediction({ prediction: { ...down, direction: 'up', amount: 45 }, startedOn: '2026-04-02', points }).verdict).toBe('not_met');
    const flat = [...months([40, 40, 40], 1), ...months([40, 40, 40], 4)];
    expect(scorePrediction({ prediction: down, startedOn: '2026-04-02', points: flat }).verdict).toBe('not_met');
    expect(scorePrediction({ prediction: { ...down, amount: 25 }, startedOn: '2026-01-01', points: months([31, 32, 33]) }).verdict).toBe('not_met');
  });

  it('is too early with fewer than 3 values from the start to the "by" date; missing months do not count', () => {
    const gaps = [...months([40, 40, 40], 1), ...months([20, null, 20, 20], 4)];
    expect(scorePrediction({ prediction: { ...down, by: '2026-06-15' }, startedOn: '2026-04-02', points: gaps })).toMatchObject({ verdict: 'too_early', window: [3, 5] });
    expect(scorePrediction({ prediction: down, startedOn: '2026-04-02', points: gaps }).verdict).toBe('met');
  });
});

describe('parsePrediction', () => {
  it('reads the two examples of the issue', () => {
    expect(parsePrediction('the median from accommodation to recommendation falls below 30 weeks by March', '2026-11-19')).toEqual({ direction: 'down', amount: 30, by: '2027-03-31' });
    expect(parsePrediction('at least 80 % of panel dates booked at recommendation over the next 3 months', '2026-11-19')).toEqual({ direction: 'up', amount: 80, by: '2027-02-19' });
  });

  it('reads dates and a month later this year, and refuses words with no amount or no date', () => {
    expect(parsePrediction('under 12 weeks by 31/03/2027', '2026-11-19')).toEqual({ direction: 'down', amount: 12, by: '2027-03-31' });
    expect(parsePrediction('more than 60% by December', '2026-11-19')).toEqual({ direction: 'up', amount: 60, by: '2026-12-31' });
    expect(parsePrediction('chairs will like the agenda by March', '2026-11-19')).toBeNull();
    expect(parsePrediction('falls below 30 weeks', '2026-11-19')).toBeNull();
  });
});
