import { describe, expect, it } from 'vitest';
import { DEFAULT_MILESTONE_CATALOGUE } from '../../src/domain/milestone-catalogue.js';
import { lastReviewHad, nextLacReview, readAsNextReviews, reviewAfterLatest } from '../../src/programme/cases/next-lac-review.js';

const review = (date: string, milestone = 'first_lac_review') => ({ caseRef: 'C1042', milestone, date, planned: false });
const next = (held: Record<string, { actual?: string; planned?: string }>, date = '2026-11-03') =>
  nextLacReview(review(date), held, DEFAULT_MILESTONE_CATALOGUE);

describe('the LAC review a child is due next', () => {
  it('is the second after a first review held before the date, the third after both', () => {
    expect(next({ first_lac_review: { actual: '2025-02-18' } })).toBe('second_lac_review');
    expect(next({ first_lac_review: { actual: '2025-02-18' }, second_lac_review: { actual: '2025-08-01' } })).toBe('third_lac_review');
    expect(next({ first_lac_review: { actual: '2025-02-18' }, second_lac_review: { planned: '2026-11-03' } })).toBe('second_lac_review');
  });

  it('stays as said when the child has no review before the date, or the next is held later', () => {
    expect(next({})).toBeNull();
    expect(next({ first_lac_review: { actual: '2026-11-03' } })).toBeNull();
    expect(next({ first_lac_review: { actual: '2026-12-01' } })).toBeNull();
    expect(next({ first_lac_review: { actual: '2025-02-18' }, second_lac_review: { actual: '2026-12-01' } })).toBeNull();
    expect(nextLacReview({ ...review('2026-11-03'), milestone: 'accommodated' }, { accommodated: { actual: '2025-01-01' } }, DEFAULT_MILESTONE_CATALOGUE)).toBeNull();
  });

  it('never moves past the last review the catalogue still has', () => {
    const retired = DEFAULT_MILESTONE_CATALOGUE.map((m) => (m.key === 'second_lac_review' ? { ...m, retired: true } : m));
    expect(nextLacReview(review('2026-11-03'), { first_lac_review: { actual: '2025-02-18' } }, retired)).toBeNull();
  });

  it('moves only the records allowed, and says null when none moves', () => {
    const existing = new Map([['C1042', { first_lac_review: { actual: '2025-02-18' } }]]);
    const records = [review('2026-11-03'), { ...review('2025-01-05'), milestone: 'accommodated' }];
    expect(readAsNextReviews(records, existing, DEFAULT_MILESTONE_CATALOGUE)?.map((r) => r.milestone)).toEqual(['second_lac_review', 'accommodated']);
    expect(readAsNextReviews(records, existing, DEFAULT_MILESTONE_CATALOGUE, () => false)).toBeNull();
  });
});

describe('a child whose tracker skipped reviews (first, second and fifth held)', () => {
  const held = {
    first_lac_review: { actual: '2025-02-18' },
    second_lac_review: { actual: '2025-05-18' },
    fifth_lac_review: { actual: '2025-10-18' },
  };

  it('reads a review after the fifth as the sixth, and one between the second and the fifth as the third', () => {
    expect(next(held, '2026-11-01')).toBe('sixth_lac_review');
    expect(next(held, '2025-07-01')).toBe('third_lac_review');
  });

  it('names, with no date, the review after the latest held and that latest one', () => {
    expect(reviewAfterLatest('first_lac_review', held, DEFAULT_MILESTONE_CATALOGUE)).toEqual({
      key: 'sixth_lac_review',
      after: 'fifth_lac_review',
      afterDate: '2025-10-18',
    });
    expect(reviewAfterLatest('first_lac_review', {}, DEFAULT_MILESTONE_CATALOGUE)).toBeNull();
    expect(reviewAfterLatest('accommodated', held, DEFAULT_MILESTONE_CATALOGUE)).toBeNull();
  });
});

describe('reviews after the fourth', () => {
  const reviews = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  const heldUpTo = (n: number) => Object.fromEntries(reviews.slice(0, n).map((o, i) => [`${o}_lac_review`, { actual: `201${i}-01-01` }]));

  it('reads the next review up to the tenth, and nothing past it', () => {
    expect(next(heldUpTo(4))).toBe('fifth_lac_review');
    expect(next(heldUpTo(9))).toBe('tenth_lac_review');
    expect(next(heldUpTo(10))).toBeNull();
  });

  it('names the last review kept when the child already had it', () => {
    expect(lastReviewHad(review('2026-11-03'), heldUpTo(10), DEFAULT_MILESTONE_CATALOGUE)).toEqual({ key: 'tenth_lac_review', date: '2019-01-01', count: 10 });
    expect(lastReviewHad(review('2026-11-03'), heldUpTo(9), DEFAULT_MILESTONE_CATALOGUE)).toBeNull();
    expect(lastReviewHad(review('2018-11-03'), heldUpTo(10), DEFAULT_MILESTONE_CATALOGUE)).toBeNull();
    const upToSixth = DEFAULT_MILESTONE_CATALOGUE.map((m) => (['seventh_lac_review', 'eighth_lac_review', 'ninth_lac_review', 'tenth_lac_review'].includes(m.key) ? { ...m, retired: true } : m));
    expect(lastReviewHad(review('2026-11-03'), heldUpTo(6), upToSixth)).toMatchObject({ key: 'sixth_lac_review', count: 6 });
  });
});
