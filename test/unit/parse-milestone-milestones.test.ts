import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MILESTONE_CATALOGUE,
  MilestoneCatalogueSchema,
} from '../../src/domain/milestone-catalogue.js';
import { parseMilestoneStatement } from '../../src/domain/parse-milestone.js';

const TODAY = '2026-11-19';

function understood(text: string, options: Parameters<typeof parseMilestoneStatement>[1] = {}) {
  const result = parseMilestoneStatement(text, { today: TODAY, ...options });
  if (!result.ok) throw new Error(`${text} was refused: ${result.error}`);
  return result.records.map((r) => `${r.caseRef} ${r.milestone} ${r.date}`);
}

describe('the many ways members name a milestone', () => {
  it.each([
    ['C1042 accommodated 3/10', 'accommodated'],
    ['C1042 accomodated 3/10', 'accommodated'],
    ['C1042 became looked after 3/10', 'accommodated'],
    ['C1042 came into care 3/10', 'accommodated'],
    ['C1042 taken into care on 3/10', 'accommodated'],
    ['72 hour meeting C1042 4/10', 'planning_meeting_72h'],
    ['72hr planning mtg C1042 4/10', 'planning_meeting_72h'],
    ['C1042 72-hour planning meeting 4/10', 'planning_meeting_72h'],
    ['C1042 72 hour LAC review 4/10', 'planning_meeting_72h'],
    ['C1042 LAC review 14/10', 'first_lac_review'],
    ['C1042 first review 14/10', 'first_lac_review'],
    ['C1042 looked after review 14/10', 'first_lac_review'],
    ['C1042 looked-after children’s review 14/10', 'first_lac_review'],
    ['C1042 initial LAC review 14/10', 'first_lac_review'],
    ['C1042 legal advice 20/10', 'legal_advice'],
    ['legal advice sought for C1042 20/10', 'legal_advice'],
    ['C1042 permanence rec 12/11', 'permanence_recommendation'],
    ['C1042 recommended for permanence 12/11', 'permanence_recommendation'],
    ['C1042 permanence recommended at LAC review 12/11', 'permanence_recommendation'],
    ['C1042 panel 13/11', 'permanence_panel'],
    ['C1042 fostering and adoption panel 13/11', 'permanence_panel'],
    ['C1042 F&A panel 13/11', 'permanence_panel'],
    ['C1042 F & A panel 13/11', 'permanence_panel'],
    ['C1042 ADM 14/11', 'adm_decision'],
    ['C1042 agency decision maker agreed 14/11', 'adm_decision'],
    ['C1042 application lodged 15/11', 'application_lodged'],
    ['C1042 PO application 15/11', 'application_lodged'],
    ['C1042 order granted 16/11', 'order_granted'],
    ['C1042 permanence secured 16/11', 'order_granted'],
    ['C1042 PO granted 16/11', 'order_granted'],
    ['C5120 CSO at home 4/3/24', 'cso_at_home'],
    ['C5120 home supervision started 4/3/24', 'cso_at_home'],
    ['C5120 CSO review 10/11', 'cso_review'],
    ['C5120 CSO at home review 10/11', 'cso_review'],
  ])('%s -> %s', (text, milestone) => {
    const result = parseMilestoneStatement(text, { today: TODAY });
    expect(result).toMatchObject({ ok: true, records: [{ milestone }] });
  });
});

describe('the short words a new user typed (try-out)', () => {
  it.each([
    ['C1048 recommendation 1 Nov', 'permanence_recommendation'],
    ['C1048 rec 1 Nov', 'permanence_recommendation'],
    ['C1048 LAC review recommended adoption 1 Nov', 'permanence_recommendation'],
    ['C1050 1st LAC 17 March', 'first_lac_review'],
    ['C1050 2nd LAC 17 March', 'second_lac_review'],
    ['C1050 5th LAC 17 March', 'fifth_lac_review'],
    ['C1042 acc 2/3', 'accommodated'],
    ['C1042 accom 2/3', 'accommodated'],
    ['C1048 panel recommendation 1 Nov', 'permanence_panel'],
    ['C1048 permanence panel recommended adoption 1 Nov', 'permanence_panel'],
  ])('%s -> %s, and nothing else', (text, milestone) => {
    const result = parseMilestoneStatement(text, { today: TODAY });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.records.map((r) => r.milestone)).toEqual([milestone]);
  });

  it('reads the date, not the ordinal, in "1st LAC 17 March"', () => {
    expect(understood('C1050 1st LAC 17 March')).toEqual(['C1050 first_lac_review 2026-03-17']);
  });

  it('keeps the surer milestone when the new words sit beside one', () => {
    expect(understood('C1048 ADM agreed the panel recommendation 14/11')).toEqual(['C1048 adm_decision 2026-11-14']);
    expect(understood('C1048 recommendation made at the LAC review 12/11')).toEqual([
      'C1048 permanence_recommendation 2026-11-12',
    ]);
    expect(understood('C1048 panel after rec 14/11')).toEqual(['C1048 permanence_panel 2026-11-14']);
  });

  it('still refuses "LAC" alone, which may mean "became LAC"', () => {
    expect(parseMilestoneStatement('C1042 LAC 3/11', { today: TODAY })).toMatchObject({ ok: false, error: 'no_milestone' });
  });
});

describe('several children in one message', () => {
  it('gives one record per case reference, upper-cased, in the order given', () => {
    expect(understood('LAC review 14/10 for c1042 and C1077')).toEqual([
      'C1042 first_lac_review 2026-10-14',
      'C1077 first_lac_review 2026-10-14',
    ]);
    expect(understood('C1042, C1077 & C1100 accommodated yesterday')).toEqual([
      'C1042 accommodated 2026-11-18',
      'C1077 accommodated 2026-11-18',
      'C1100 accommodated 2026-11-18',
    ]);
    expect(understood('C1042/C1077 accommodated yesterday')).toHaveLength(2);
  });

  it('counts a reference said twice once', () => {
    expect(understood('C1042 accommodated 3 Oct — yes C1042')).toEqual([
      'C1042 accommodated 2026-10-03',
    ]);
  });

  it('pairs children with dates in order when each has its own', () => {
    expect(understood('C1042 accommodated 3 Oct, C1077 accommodated 5 Oct')).toEqual([
      'C1042 accommodated 2026-10-03',
      'C1077 accommodated 2026-10-05',
    ]);
  });
});

describe('several milestones in one message', () => {
  it('pairs milestones with dates in the order said', () => {
    expect(understood('C1042 accommodated 3 Oct and LAC review 14 Oct')).toEqual([
      'C1042 accommodated 2026-10-03',
      'C1042 first_lac_review 2026-10-14',
    ]);
    expect(
      understood('c1042 accommodated 3 oct. first review 14/10. legal advice 20/10'),
    ).toHaveLength(3);
  });

  it('records every milestone named for a single date', () => {
    expect(understood('C1042 72 hour meeting and legal advice both on 6/10')).toEqual([
      'C1042 planning_meeting_72h 2026-10-06',
      'C1042 legal_advice 2026-10-06',
    ]);
  });

  it('keeps a plain "LAC review" that shares its date with another milestone', () => {
    expect(understood('C1050 accommodated 2 Nov and LAC review 2 Nov')).toEqual([
      'C1050 accommodated 2026-11-02',
      'C1050 first_lac_review 2026-11-02',
    ]);
    expect(understood('C1050 accommodated 2 Nov, 72hr meeting 2 Nov and LAC review 2 Nov')).toEqual([
      'C1050 accommodated 2026-11-02',
      'C1050 planning_meeting_72h 2026-11-02',
      'C1050 first_lac_review 2026-11-02',
    ]);
  });

  it('flags words that look like a person’s name it left out, without keeping them', () => {
    const named = parseMilestoneStatement('C1060 Sarah Jones accommodated 3 Nov', { today: TODAY });
    expect(named).toMatchObject({ ok: true, nameLeftOut: true });
    expect(JSON.stringify(named)).not.toMatch(/Sarah|Jones/);
    for (const text of ['C1060 accommodated 3 Nov', "C1060 Children's Hearing 3 Nov", 'C1060 Permanence Panel 3 Nov', 'C1060 First LAC Review on Monday 2 November']) {
      expect(parseMilestoneStatement(text, { today: TODAY })).not.toHaveProperty('nameLeftOut');
    }
  });

  it('treats "at the LAC review" as where a recommendation was made, not a milestone', () => {
    expect(understood('Permanence recommendation for C3301 at the LAC review on 12.11.26')).toEqual(
      ['C3301 permanence_recommendation 2026-11-12'],
    );
  });

  it('never drops a milestone silently: one left without a date is named back', () => {
    const venue = parseMilestoneStatement('Permanence recommendation for C3301 at the LAC review on 12.11.26', { today: TODAY });
    expect(venue).toMatchObject({ ok: true, undated: ['first_lac_review'] });
    const undated = parseMilestoneStatement('C1050 accommodated 2 Nov and LAC review', { today: TODAY });
    expect(undated).toMatchObject({ ok: true, records: [{ milestone: 'accommodated' }], undated: ['first_lac_review'] });
    expect(parseMilestoneStatement('C1050 accommodated 2 Nov and LAC review 2 Nov', { today: TODAY })).not.toHaveProperty('undated');
    expect(parseMilestoneStatement('C1042 LAC review within 2 weeks of accommodation, on 14/10', { today: TODAY })).not.toHaveProperty('undated');
  });

  it('does not record a milestone said as a point measured from', () => {
    expect(understood('C1042 LAC review within 2 weeks of accommodation, on 14/10')).toEqual([
      'C1042 first_lac_review 2026-10-14',
    ]);
    expect(understood('C1042 ADM decision after panel 14/11')).toEqual([
      'C1042 adm_decision 2026-11-14',
    ]);
    expect(understood('C1042 panel after permanence rec 14/11')).toEqual([
      'C1042 permanence_panel 2026-11-14',
    ]);
  });

  it('still pairs a milestone measured from when it has its own date', () => {
    expect(understood('C1042 LAC review on 14/10, 11 days after accommodation on 3/10')).toEqual([
      'C1042 first_lac_review 2026-10-14',
      'C1042 accommodated 2026-10-03',
    ]);
  });

  it('takes a later review as its own milestone, never the first one', () => {
    expect(understood('C1042 the 2nd LAC review was yesterday')).toEqual([
      'C1042 second_lac_review 2026-11-18',
    ]);
    expect(understood('C1042 third looked after review 2/11')).toEqual([
      'C1042 third_lac_review 2026-11-02',
    ]);
    expect(understood('C1042 the 5th LAC review was yesterday')).toEqual([
      'C1042 fifth_lac_review 2026-11-18',
    ]);
    expect(understood('C1042 tenth looked after review 2/11')).toEqual([
      'C1042 tenth_lac_review 2026-11-02',
    ]);
    // Past the tenth there is no milestone: never read as the first review.
    const eleventh = parseMilestoneStatement('C1042 the 11th LAC review was yesterday', { today: TODAY });
    expect(eleventh).toMatchObject({ ok: false, error: 'no_milestone' });
  });

  it('reads the Scottish stages: a Children’s Hearing and a CSO made or varied', () => {
    expect(understood('C1042 hearing 3/11')).toEqual(['C1042 childrens_hearing 2026-11-03']);
    expect(understood("C1042 children's hearing 3/11, CSO varied")).toEqual([
      'C1042 childrens_hearing 2026-11-03',
      'C1042 cso_made_or_varied 2026-11-03',
    ]);
    expect(understood('C1042 CSO made 4/11')).toEqual(['C1042 cso_made_or_varied 2026-11-04']);
    expect(understood('C1042 CSO made at home 4/11')).toEqual(['C1042 cso_at_home 2026-11-04']);
  });
});

describe('a programme’s own catalogue and reference pattern', () => {
  it('recognises an added milestone and its synonyms', () => {
    const catalogue = MilestoneCatalogueSchema.parse([
      ...DEFAULT_MILESTONE_CATALOGUE,
      {
        key: 'children_hearing',
        label: "Children's Hearing",
        order: 11,
        synonyms: ['hearing', 'CH'],
      },
    ]);
    expect(understood('C1042 hearing 4/11', { catalogue })).toEqual([
      'C1042 children_hearing 2026-11-04',
    ]);
  });

  it('no longer recognises a retired milestone', () => {
    const catalogue = DEFAULT_MILESTONE_CATALOGUE.map((m) =>
      m.key === 'legal_advice' ? { ...m, retired: true } : m,
    );
    const result = parseMilestoneStatement('C1042 legal advice 20/10', { today: TODAY, catalogue });
    expect(result).toMatchObject({ ok: false, error: 'no_milestone' });
    expect(result.ok ? '' : result.message).not.toContain('Legal advice');
  });

  it('uses the area’s reference pattern and upper-cases matches', () => {
    const caseRefPattern = '^[A-Z]{2}-\\d{4}$';
    expect(understood('ab-1234 accommodated 3 Oct', { caseRefPattern })).toEqual([
      'AB-1234 accommodated 2026-10-03',
    ]);
    const result = parseMilestoneStatement('C1042 accommodated 3 Oct', {
      today: TODAY,
      caseRefPattern,
    });
    expect(result).toMatchObject({ ok: false, error: 'no_case_reference' });
  });

  it('does not take a date for a reference under a digits-only pattern', () => {
    expect(understood('100234 accommodated 2026-11-09', { caseRefPattern: '\\d{4,6}' })).toEqual([
      '100234 accommodated 2026-11-09',
    ]);
  });
});
