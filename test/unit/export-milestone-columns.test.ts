import { describe, expect, it } from 'vitest';
import { DEFAULT_MILESTONE_CATALOGUE } from '../../src/domain/milestone-catalogue.js';
import { milestoneColumns } from '../../src/programme/export/milestone-columns.js';

const keys = (cases: { milestones: Record<string, { actual?: string; planned?: string }> }[]) =>
  milestoneColumns(DEFAULT_MILESTONE_CATALOGUE, cases).map((c) => c.key);

/** The export's milestone columns: the catalogue in order, later reviews only when someone has one. */
describe('export milestone columns', () => {
  it('leaves out the fifth to tenth LAC reviews when no case holds one', () => {
    const columns = keys([{ milestones: { accommodated: { actual: '2026-01-05' } } }]);
    expect(columns).toContain('fourth_lac_review');
    expect(columns.filter((k) => /^(fifth|sixth|seventh|eighth|ninth|tenth)_lac_review$/.test(k))).toEqual([]);
  });

  it('shows a later review, in its place, once a case holds a date for it', () => {
    const columns = keys([{ milestones: { sixth_lac_review: { planned: '2027-02-01' } } }]);
    expect(columns).toContain('sixth_lac_review');
    expect(columns).not.toContain('fifth_lac_review');
    expect(columns.indexOf('sixth_lac_review')).toBe(columns.indexOf('fourth_lac_review') + 1);
  });
});
