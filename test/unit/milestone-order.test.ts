import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MILESTONE_CATALOGUE,
  MilestoneCatalogueSchema,
} from '../../src/domain/milestone-catalogue.js';
import {
  checkMilestoneOrder,
  describeOrderConflict,
  expectedOrder,
} from '../../src/domain/milestone-order.js';

describe('the default expected order', () => {
  it('holds the pairs of the programme’s journey', () => {
    const pairs = expectedOrder(DEFAULT_MILESTONE_CATALOGUE).map(
      (p) => `${p.earlier} < ${p.later}`,
    );
    expect(pairs).toEqual(
      expect.arrayContaining([
        'accommodated < permanence_recommendation',
        'accommodated < planning_meeting_72h',
        'accommodated < first_lac_review',
        'permanence_recommendation < permanence_panel',
        'permanence_panel < adm_decision',
        'adm_decision < application_lodged',
        'application_lodged < order_granted',
        'cso_at_home < cso_review',
      ]),
    );
  });
});

describe('checkMilestoneOrder', () => {
  it('refuses a recommendation before accommodation, naming the milestone and date', () => {
    const result = checkMilestoneOrder(
      { accommodated: '2026-10-03' },
      'permanence_recommendation',
      '2026-09-30',
    );
    expect(result).toEqual({
      conflict: { milestone: 'accommodated', date: '2026-10-03', relation: 'before' },
    });
  });

  it('refuses an accommodation date after a recorded LAC review', () => {
    const result = checkMilestoneOrder(
      { first_lac_review: '2026-10-14' },
      'accommodated',
      '2026-10-20',
    );
    expect(result).toEqual({
      conflict: { milestone: 'first_lac_review', date: '2026-10-14', relation: 'after' },
    });
  });

  it('allows the same day and the right order', () => {
    expect(
      checkMilestoneOrder({ accommodated: '2026-10-03' }, 'planning_meeting_72h', '2026-10-03'),
    ).toBeNull();
    expect(
      checkMilestoneOrder({ accommodated: '2026-10-03' }, 'first_lac_review', '2026-10-14'),
    ).toBeNull();
    expect(checkMilestoneOrder({}, 'order_granted', '2026-10-14')).toBeNull();
  });

  it('follows the order through milestones not yet recorded', () => {
    const result = checkMilestoneOrder(
      { accommodated: '2026-10-03' },
      'adm_decision',
      '2026-09-01',
    );
    expect(result?.conflict).toMatchObject({ milestone: 'accommodated', relation: 'before' });
  });

  it('reports the nearest conflict in the chain first', () => {
    const existing = { accommodated: '2026-10-03', permanence_recommendation: '2026-11-01' };
    const result = checkMilestoneOrder(existing, 'permanence_panel', '2026-09-01');
    expect(result?.conflict.milestone).toBe('permanence_recommendation');
  });

  it('ignores milestones with no order between them', () => {
    expect(
      checkMilestoneOrder({ cso_at_home: '2026-10-03' }, 'accommodated', '2020-01-01'),
    ).toBeNull();
  });

  it('uses a programme’s own catalogue', () => {
    const catalogue = MilestoneCatalogueSchema.parse([
      { key: 'referral', label: 'Referral', order: 0, synonyms: ['referral'] },
      {
        key: 'assessment',
        label: 'Assessment',
        order: 1,
        synonyms: ['assessment'],
        notBefore: ['referral'],
      },
    ]);
    const result = checkMilestoneOrder(
      { referral: '2026-05-01' },
      'assessment',
      '2026-04-01',
      catalogue,
    );
    expect(result?.conflict.milestone).toBe('referral');
    expect(
      checkMilestoneOrder({ accommodated: '2026-05-01' }, 'assessment', '2026-04-01', catalogue),
    ).toBeNull();
  });
});

describe('describeOrderConflict', () => {
  it('names both milestones and both dates', () => {
    const date = '2026-09-30';
    const found = checkMilestoneOrder(
      { accommodated: '2026-10-03' },
      'permanence_recommendation',
      date,
    );
    const message = describeOrderConflict('permanence_recommendation', date, found!.conflict);
    expect(message).toContain('Permanence recommendation can’t come before accommodated');
    expect(message).toContain('3 Oct 2026');
    expect(message).toContain('30 Sept 2026');
  });
});
