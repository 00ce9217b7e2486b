import { describe, expect, it } from 'vitest';
import { plausibilityWarning } from '../../src/domain/milestone-plausibility.js';

describe('when a date is worth a second look', () => {
  const held = { accommodated: '2026-10-01', first_lac_review: '2026-10-10' };

  it('flags a slow stage within a month of accommodation, and not from 31 days on', () => {
    expect(plausibilityWarning(held, 'permanence_recommendation', '2026-10-31')).toEqual({ kind: 'soon_after_accommodation', days: 30, accommodated: '2026-10-01' });
    expect(plausibilityWarning(held, 'permanence_recommendation', '2026-11-01')).toBeNull();
    expect(plausibilityWarning(held, 'third_lac_review', '2026-10-20')).toMatchObject({ kind: 'soon_after_accommodation' });
  });

  it('leaves quick stages alone: a LAC review or legal advice in the first month is good practice', () => {
    expect(plausibilityWarning(held, 'second_lac_review', '2026-10-25')).toBeNull();
    expect(plausibilityWarning(held, 'legal_advice', '2026-10-05')).toBeNull();
    expect(plausibilityWarning({}, 'permanence_recommendation', '2026-10-05')).toBeNull();
  });

  it('flags a third stage on one day, not a second (a LAC review may recommend permanence that day)', () => {
    const sameDay = { accommodated: '2026-01-01', first_lac_review: '2026-06-01' };
    expect(plausibilityWarning(sameDay, 'permanence_recommendation', '2026-06-01')).toBeNull();
    expect(plausibilityWarning({ ...sameDay, permanence_recommendation: '2026-06-01' }, 'childrens_hearing', '2026-06-01')).toEqual({
      kind: 'same_day',
      date: '2026-06-01',
      milestones: ['first_lac_review', 'permanence_recommendation', 'childrens_hearing'],
    });
    // Correcting a date to the day it already holds is not a second stage.
    expect(plausibilityWarning({ ...sameDay, permanence_recommendation: '2026-06-01' }, 'permanence_recommendation', '2026-06-01')).toBeNull();
  });
});
