import { describe, expect, it } from 'vitest';
import { parseMilestoneStatement } from '../../src/domain/parse-milestone.js';

// Thursday 19 November 2026.
const TODAY = '2026-11-19';

function firstRecord(text: string) {
  const result = parseMilestoneStatement(text, { today: TODAY });
  if (!result.ok) throw new Error(`${text} was refused: ${result.error}`);
  return result.records[0]!;
}

describe('a future date with a planning word is planned', () => {
  it.each([
    ['panel booked for C1077 on 12 December', '2026-12-12'],
    ['C1077 panel is on 3 Dec', '2026-12-03'],
    ['C1077 panel planned for 3/12', '2026-12-03'],
    ['C1077 panel scheduled for 3rd December', '2026-12-03'],
    ['C1077 panel due 3/12/2026', '2026-12-03'],
    ['C1077 panel will be 3 Dec', '2026-12-03'],
    ['C1077 panel arranged for 3 Dec', '2026-12-03'],
    ['C1077 panel set for 3 Dec', '2026-12-03'],
    ['C1077 LAC reviews are on 3 Dec', '2026-12-03'],
    ['C1077 panel pencilled in for 3 Dec', '2026-12-03'],
    ['C1077 panel diarised 3 Dec', '2026-12-03'],
    ['C1077 panel tomorrow, it’s booked', '2026-11-20'],
    ['C1077 panel in two weeks, booked', '2026-12-03'],
  ])('%s -> %s', (text, date) => {
    expect(firstRecord(text)).toEqual({
      caseRef: 'C1077',
      milestone: expect.any(String),
      date,
      planned: true,
    });
  });

  it('reads a planned weekday as the coming one', () => {
    expect(firstRecord('C1077 panel scheduled for Monday')).toMatchObject({
      date: '2026-11-23',
      planned: true,
    });
    expect(firstRecord('C1077 panel Monday coming')).toMatchObject({
      date: '2026-11-23',
      planned: true,
    });
    expect(firstRecord('C1077 panel booked for next Thursday')).toMatchObject({
      date: '2026-11-26',
      planned: true,
    });
  });

  it('reads a planned date without a year as the nearest one', () => {
    expect(firstRecord('C1077 panel booked for 5 Jan')).toMatchObject({
      date: '2027-01-05',
      planned: true,
    });
    // Six weeks ago is nearer than next October: the booked day has been and gone.
    expect(firstRecord('C1077 panel booked for 3 Oct')).toMatchObject({
      date: '2026-10-03',
      planned: false,
    });
  });
});

describe('a date today or past is reached, whatever the wording', () => {
  it('is not planned', () => {
    expect(firstRecord('C1077 panel is on today')).toMatchObject({ date: TODAY, planned: false });
    expect(firstRecord('C1077 panel was scheduled for 02/11/2026')).toMatchObject({
      date: '2026-11-02',
      planned: false,
    });
    expect(firstRecord('C1077 panel held 12/11')).toMatchObject({ planned: false });
  });
});

describe('a future date without a planning word is refused', () => {
  it.each([
    'C1042 accommodated next Thursday',
    'C1042 accommodated tomorrow',
    'C1042 accommodated 3/12/2026',
    'C1042 panel 3 Jan 2027',
    'C1042 panel in two weeks',
  ])('%s', (text) => {
    expect(parseMilestoneStatement(text, { today: TODAY })).toMatchObject({
      ok: false,
      error: 'future_date',
    });
  });
});
