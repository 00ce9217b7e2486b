import { describe, expect, it } from 'vitest';
import {
  activeMilestones,
  DEFAULT_MILESTONE_CATALOGUE,
  labelMidSentence,
  MilestoneCatalogueSchema,
  MilestoneDefinitionSchema,
} from '../../src/domain/milestone-catalogue.js';

describe('the default catalogue', () => {
  it('has the milestones of domain.md and the Scottish stages, in journey order', () => {
    expect(DEFAULT_MILESTONE_CATALOGUE.map((m) => m.key)).toEqual([
      'accommodated',
      'planning_meeting_72h',
      'childrens_hearing',
      'first_lac_review',
      'second_lac_review',
      'third_lac_review',
      'fourth_lac_review',
      'fifth_lac_review',
      'sixth_lac_review',
      'seventh_lac_review',
      'eighth_lac_review',
      'ninth_lac_review',
      'tenth_lac_review',
      'legal_advice',
      'permanence_recommendation',
      'permanence_panel',
      'adm_decision',
      'application_lodged',
      'order_granted',
      'cso_at_home',
      'cso_made_or_varied',
      'cso_review',
    ]);
    expect(DEFAULT_MILESTONE_CATALOGUE.map((m) => m.order)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
    ]);
  });

  it('gives every milestone a label, synonyms, and no retired flag', () => {
    for (const m of DEFAULT_MILESTONE_CATALOGUE) {
      expect(m.label.length).toBeGreaterThan(0);
      expect(m.synonyms.length).toBeGreaterThan(0);
      expect(m.retired).toBe(false);
    }
  });

  it('passes its own schema again unchanged', () => {
    expect(MilestoneCatalogueSchema.parse(DEFAULT_MILESTONE_CATALOGUE)).toEqual(
      DEFAULT_MILESTONE_CATALOGUE,
    );
  });
});

describe('an admin’s catalogue is checked', () => {
  const base = { label: 'X', order: 0, synonyms: ['x thing'] };

  it('fills defaults for a new milestone', () => {
    expect(MilestoneDefinitionSchema.parse({ key: 'hearing', ...base })).toMatchObject({
      note: '',
      genericSynonyms: [],
      notBefore: [],
      retired: false,
    });
  });

  it('refuses a bad key, no synonyms, duplicate keys, unknown or looping order', () => {
    expect(MilestoneDefinitionSchema.safeParse({ key: 'Bad Key', ...base }).success).toBe(false);
    expect(
      MilestoneDefinitionSchema.safeParse({ key: 'ok_key', ...base, synonyms: [] }).success,
    ).toBe(false);
    const duplicate = MilestoneCatalogueSchema.safeParse([
      { key: 'a_one', ...base },
      { key: 'a_one', ...base },
    ]);
    expect(duplicate.error?.issues[0]?.message).toBe('a_one is listed twice');
    const unknown = MilestoneCatalogueSchema.safeParse([
      { key: 'a_one', ...base, notBefore: ['nope'] },
    ]);
    expect(unknown.error?.issues[0]?.message).toContain('nope, which is not in the catalogue');
    const loop = MilestoneCatalogueSchema.safeParse([
      { key: 'a_one', ...base, notBefore: ['b_two'] },
      { key: 'b_two', ...base, notBefore: ['a_one'] },
    ]);
    expect(loop.error?.issues[0]?.message).toContain('loops back');
  });

  it('keeps retired milestones but leaves them out of the active list', () => {
    const catalogue = DEFAULT_MILESTONE_CATALOGUE.map((m) =>
      m.key === 'cso_review' ? { ...m, retired: true } : m,
    );
    expect(catalogue).toHaveLength(DEFAULT_MILESTONE_CATALOGUE.length);
    expect(activeMilestones(catalogue).map((m) => m.key)).not.toContain('cso_review');
  });
});

describe('labelMidSentence', () => {
  it('lower-cases a first word but not an acronym', () => {
    expect(labelMidSentence('First LAC review')).toBe('first LAC review');
    expect(labelMidSentence('ADM decision')).toBe('ADM decision');
    expect(labelMidSentence('CSO at home')).toBe('CSO at home');
  });

  it('keeps a proper name’s capitals', () => {
    expect(labelMidSentence("Children's Hearing")).toBe("Children's Hearing");
    expect(labelMidSentence('Permanence panel')).toBe('permanence panel');
  });

  it('names the LAC reviews in one style', () => {
    const reviews = DEFAULT_MILESTONE_CATALOGUE.filter((m) => m.key.endsWith('_lac_review'));
    expect(reviews.map((m) => m.label)).toEqual([
      'First LAC review',
      'Second LAC review',
      'Third LAC review',
      'Fourth LAC review',
      'Fifth LAC review',
      'Sixth LAC review',
      'Seventh LAC review',
      'Eighth LAC review',
      'Ninth LAC review',
      'Tenth LAC review',
    ]);
  });
});
