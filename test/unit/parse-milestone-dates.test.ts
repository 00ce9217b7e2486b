import { describe, expect, it } from 'vitest';
import { parseMilestoneStatement } from '../../src/domain/parse-milestone.js';

// Thursday 19 November 2026, the fixtures' "today".
const THURSDAY = '2026-11-19';

function dateOf(text: string, today = THURSDAY): string {
  const result = parseMilestoneStatement(text, { today });
  if (!result.ok) throw new Error(`${text} was refused: ${result.error}`);
  expect(result.records).toHaveLength(1);
  return result.records[0]!.date;
}

describe('dates written with digits, day first', () => {
  it.each([
    ['C1042 accommodated 03/10/2026', '2026-10-03'],
    ['C1042 accommodated 3/10/2026', '2026-10-03'],
    ['C1042 accommodated 3/10/26', '2026-10-03'],
    ['C1042 accommodated 3.10.26', '2026-10-03'],
    ['C1042 accommodated 03-10-2026', '2026-10-03'],
    ['C1042 accommodated 2026-10-03', '2026-10-03'],
    ['C1042 accommodated 14/10', '2026-10-14'],
    ['C1042 accommodated on 1/11.', '2026-11-01'],
    ['C1042 accommodated 4/3/24', '2024-03-04'],
  ])('%s -> %s', (text, date) => {
    expect(dateOf(text)).toBe(date);
  });
});

describe('dates with month names', () => {
  it.each([
    ['C1042 accommodated 3 Oct', '2026-10-03'],
    ['C1042 accommodated 3 oct.', '2026-10-03'],
    ['C1042 accommodated 3rd of October', '2026-10-03'],
    ['C1042 accommodated Oct 3', '2026-10-03'],
    ['C1042 accommodated October the 3rd', '2026-10-03'],
    ['C1042 accommodated Sept 1st', '2026-09-01'],
    ['C1042 accommodated 1st Sept', '2026-09-01'],
    ['C1042 accommodated 3 October, 2025', '2025-10-03'],
    ['C1042 accommodated dec 28th 2025', '2025-12-28'],
    ['C1042 accommodated 19 Nov', '2026-11-19'],
    // Without a year, a date later in the year than today means last year.
    ['C1042 accommodated 3 Dec', '2025-12-03'],
  ])('%s -> %s', (text, date) => {
    expect(dateOf(text)).toBe(date);
  });

  it('reads a day of the month alone as the most recent such day', () => {
    expect(dateOf('c1042 accommodated on the 3rd')).toBe('2026-11-03');
    expect(dateOf('C1042 accommodated on the 31st')).toBe('2026-10-31');
    expect(dateOf('C1042 accommodated on the 20th')).toBe('2026-10-20');
    expect(dateOf('C1042 LAC review 14th')).toBe('2026-11-14');
  });
});

describe('dates in words', () => {
  it.each([
    ['C1042 accommodated today', '2026-11-19'],
    ['C1042 accommodated earlier today', '2026-11-19'],
    ['C1042 accommodated this morning', '2026-11-19'],
    ['C1042 accommodated yesterday', '2026-11-18'],
    ['C1042 accommodated 2 days ago', '2026-11-17'],
    ['C1042 accommodated a week ago', '2026-11-12'],
    ['C1042 accommodated a fortnight ago', '2026-11-05'],
  ])('%s -> %s', (text, date) => {
    expect(dateOf(text)).toBe(date);
  });
});

describe('days of the week look back unless planned', () => {
  it.each([
    ['C1042 LAC review held on Monday', '2026-11-16'],
    ['C1042 LAC review Monday', '2026-11-16'],
    ['C1042 LAC review on Weds', '2026-11-18'],
    ['C1042 LAC review last Tuesday', '2026-11-17'],
    ['C1042 LAC review this Monday', '2026-11-16'],
    ['C1042 LAC review held Monday past', '2026-11-16'],
    // Said on a Thursday: "on Thursday" is today, "last Thursday" the week before.
    ['C1042 LAC review on Thursday', '2026-11-19'],
    ['C1042 LAC review last Thursday', '2026-11-12'],
    ['C1042 LAC review on Friday', '2026-11-13'],
  ])('%s -> %s', (text, date) => {
    expect(dateOf(text)).toBe(date);
  });
});

describe('the year boundary', () => {
  const JAN_5 = '2027-01-05';

  it('reads a late-December date said in January as last year', () => {
    expect(dateOf('C1042 accommodated 28 Dec', JAN_5)).toBe('2026-12-28');
    expect(dateOf('C1042 accommodated 28/12', JAN_5)).toBe('2026-12-28');
  });

  it('reads a weekday across New Year', () => {
    expect(dateOf('C1042 accommodated on Thursday', JAN_5)).toBe('2026-12-31');
  });

  it('reads a planned January date said in November as next year', () => {
    expect(dateOf('panel booked for C1042 on 12 Jan')).toBe('2027-01-12');
  });
});

describe('leap days', () => {
  it('accepts 29 February in a leap year', () => {
    expect(dateOf('C1042 accommodated 29/02/2024')).toBe('2024-02-29');
    expect(dateOf('C1042 accommodated 29 Feb 2024')).toBe('2024-02-29');
  });

  it('refuses 29 February without a year when the year meant has none, never moving it to 2024', () => {
    for (const said of ['C1042 accommodated 29/02', 'C1042 accommodated 29 Feb']) {
      expect(parseMilestoneStatement(said, { today: THURSDAY })).toMatchObject({ ok: false, error: 'invalid_date' });
    }
    // In a year next to a leap year, the leap day is the one meant.
    expect(parseMilestoneStatement('C1042 accommodated 29 Feb', { today: '2025-01-10' })).toMatchObject({
      ok: true,
      records: [{ date: '2024-02-29' }],
    });
  });

  it('refuses 29 February in a common year', () => {
    const result = parseMilestoneStatement('C1042 accommodated 29/02/2026', { today: THURSDAY });
    expect(result).toMatchObject({ ok: false, error: 'invalid_date' });
  });
});

describe('numbers that are not dates', () => {
  it('does not read the digits of a case reference as a year', () => {
    expect(dateOf('C2025 accommodated 3 Oct')).toBe('2026-10-03');
    expect(dateOf('AB2024 accommodated yesterday')).toBe('2026-11-18');
  });

  it('does not read "72 hour" as a time or date', () => {
    expect(dateOf('72 hour meeting for C1042 held 6 Oct')).toBe('2026-10-06');
    expect(dateOf('C1042 72hr planning mtg 6/10')).toBe('2026-10-06');
  });

  it('ignores a time of day beside the date', () => {
    expect(dateOf('C1042 72-hour meeting held 6 Oct at 10am')).toBe('2026-10-06');
  });

  it('ignores a length of time measured from something else', () => {
    expect(dateOf('C1042 accommodated on 3 Oct for 2 weeks')).toBe('2026-10-03');
    expect(dateOf('C1042 accommodated on 3 Oct, review within 2 weeks')).toBe('2026-10-03');
  });

  it('treats the same day said twice as one date', () => {
    expect(dateOf('C1042 accommodated yesterday (18/11)')).toBe('2026-11-18');
  });

  it('reads dates in the time zone given when today is not', () => {
    const result = parseMilestoneStatement('C1042 accommodated today', {
      timeZone: 'Pacific/Kiritimati',
    });
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(
      new Date(),
    );
    expect(result).toMatchObject({ ok: true, records: [{ date: expected }] });
  });
});
