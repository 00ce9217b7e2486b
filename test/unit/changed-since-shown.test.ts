import { describe, expect, it } from 'vitest';
import { DEFAULT_MILESTONE_CATALOGUE } from '../../src/domain/milestone-catalogue.js';
import { changedSinceShown, shownCases } from '../../src/programme/cases/changed-since-shown.js';
import type { CaseMilestoneMap } from '../../src/programme/cases/record-changes.js';

const record = (milestone: string, date: string, planned = false) => ({ caseRef: 'C1042', milestone, date, planned });
const check = (records: ReturnType<typeof record>[], then: CaseMilestoneMap, now: CaseMilestoneMap) =>
  changedSinceShown(records, shownCases(records, new Map([['C1042', then]])), new Map([['C1042', now]]), DEFAULT_MILESTONE_CATALOGUE);

describe('a confirmation checked against the dates its card was shown with', () => {
  const accommodated = { accommodated: { actual: '2025-02-03' } };

  it('passes when nothing changed, or only ordinary dates or plans were added', () => {
    expect(check([record('permanence_panel', '2026-11-18')], accommodated, accommodated)).toBeNull();
    expect(check([record('permanence_panel', '2026-11-18')], accommodated, { ...accommodated, legal_advice: { actual: '2025-06-01' } })).toBeNull();
    expect(check([record('permanence_panel', '2026-11-18')], accommodated, { ...accommodated, adm_decision: { planned: '2026-12-01' } })).toBeNull();
  });

  it('refuses when a date it was checked against was removed, and shows how to send it again', () => {
    expect(check([record('permanence_panel', '2026-12-12', true)], accommodated, {})).toBe(
      'C1042’s accommodated date (Mon 3 Feb 2025) has been removed since I showed you that card, so I haven’t ' +
        'stored anything. If the permanence panel date is still right, send it again — e.g. “C1042 permanence panel ' +
        'booked for 12/12/2026” — and I’ll check it against C1042 as it is now.',
    );
  });

  it('judges each record with the ones before it on the same card, as the card did', () => {
    // Accommodation on the card itself makes the panel 9 days later look unusual, both then and now.
    const records = [record('accommodated', '2026-11-01'), record('permanence_panel', '2026-11-10')];
    expect(check(records, {}, {})).toBeNull();
    // A same-day pile-up that only a date added since makes is asked about afresh.
    const sameDay = { legal_advice: { actual: '2026-11-10' }, childrens_hearing: { actual: '2026-11-10' } };
    expect(check([record('permanence_panel', '2026-11-10')], {}, sameDay)).toMatch(/look unusual since I showed you that card/);
  });

  it('has nothing to compare for a question kept before cards kept their dates', () => {
    expect(changedSinceShown([record('permanence_panel', '2026-11-18')], undefined, new Map(), DEFAULT_MILESTONE_CATALOGUE)).toBeNull();
  });
});
