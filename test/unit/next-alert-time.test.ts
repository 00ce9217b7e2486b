import { describe, expect, it } from 'vitest';
import { nextAlertTime } from '../../src/programme/alerts/waiting-for-morning.js';

// When the drift job next raises alerts, said to a lead who asks `alerts` before it has.
describe('nextAlertTime', () => {
  const at = (iso: string) => nextAlertTime(new Date(iso), 'Europe/London');

  it('is the next weekday’s morning at a weekend', () => {
    expect(at('2026-12-05T12:00:00Z')).toBe('on Mon 7 Dec 2026 at 09:00');
    expect(at('2026-12-06T23:30:00Z')).toBe('on Mon 7 Dec 2026 at 09:00');
  });

  it('is this morning before nine on a working day, and Monday’s from Saturday', () => {
    expect(at('2026-12-08T07:00:00Z')).toBe('on Tue 8 Dec 2026 at 09:00');
    expect(at('2026-12-12T00:30:00Z')).toBe('on Mon 14 Dec 2026 at 09:00');
  });

  it('is within the quarter hour on a working day after nine, evening too (the job runs every 15 minutes)', () => {
    expect(at('2026-12-08T10:00:00Z')).toBe('within the next quarter of an hour');
    expect(at('2026-12-11T19:00:00Z')).toBe('within the next quarter of an hour');
  });

  it('follows the programme’s clock: 8:30 UTC in summer is 9:30 in London', () => {
    expect(at('2026-06-08T08:30:00Z')).toBe('within the next quarter of an hour');
    expect(at('2026-06-08T07:30:00Z')).toBe('on Mon 8 Jun 2026 at 09:00');
  });
});
