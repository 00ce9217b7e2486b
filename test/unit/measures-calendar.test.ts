import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/demo/random.js';
import { addToDate, dayNumber, daysBetween, isCalendarDate, monthsFrom } from '../../src/domain/measures/calendar.js';
import { parseCases } from '../../src/domain/measures/parse-cases.js';

// Day-number arithmetic replaced luxon in the measures' hot paths (issue 15): it must agree with
// luxon on every date, including leap days and month ends.

const luxon = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const random = createRandom('calendar');
const someDate = () => {
  const day = random.int(-30_000, 40_000); // 1887 to 2079
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
};
const dates = [
  ...Array.from({ length: 400 }, someDate),
  '2024-02-29', '2024-01-31', '2023-01-31', '2000-02-29', '1900-02-28', '2026-12-31',
];

describe('calendar arithmetic on day numbers', () => {
  it('counts days between two dates as luxon does', () => {
    for (let i = 1; i < dates.length; i++) {
      const [a, b] = [dates[i - 1]!, dates[i]!];
      expect(daysBetween(a, b)).toBe(Math.round(luxon(b).diff(luxon(a), 'days').days));
    }
  });

  it('adds days, weeks and months as luxon does, months clipping to the month end', () => {
    for (const date of dates) {
      for (const duration of [{ days: 13 }, { days: -400 }, { weeks: 26 }, { months: 1 }, { months: 6 }, { months: -13 }]) {
        expect(addToDate(date, duration)).toBe(luxon(date).plus(duration).toISODate());
      }
    }
    expect(addToDate('2026-01-31', { months: 1 })).toBe('2026-02-28');
  });

  it('lists months as luxon steps them', () => {
    expect(monthsFrom('2025-11-30', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsFrom('2026-02', '2025-11')).toEqual([]);
    expect(() => monthsFrom('2026-13', '2027-01')).toThrow(RangeError);
  });

  it('numbers every day from 1600 to 2400, and the years 0–99, as the Date in UTC does', () => {
    const fromDate = (iso: string) => {
      const date = new Date(0);
      date.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
      return Math.round(date.getTime() / 86_400_000);
    };
    const first = fromDate('1600-01-01');
    const last = fromDate('2400-12-31');
    for (let day = first; day <= last; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(iso) !== day) expect(dayNumber(iso), iso).toBe(day);
    }
    for (const iso of ['0000-01-01', '0000-02-29', '0001-03-01', '0099-12-31', '0004-02-29']) expect(dayNumber(iso), iso).toBe(fromDate(iso));
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
  });

  it('refuses text that only looks like a date: other digits, spaces, signs, letters', () => {
    for (const text of ['２０２６-01-01', '2026-01-01\n', ' 2026-01-01', '+2026-01-01', '2026-0a-01', '2026/01/01', '2026-01-1 ', '']) {
      expect(isCalendarDate(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('knows a real calendar date as luxon does, and refuses the rest', () => {
    const said = ['2024-02-29', '2025-02-29', '2026-04-31', '2026-04-30', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', '2026-01-00'];
    for (const text of said) expect(isCalendarDate(text)).toBe(luxon(text).isValid && /^\d{4}-\d{2}-\d{2}$/.test(text));
    expect(() => dayNumber('2025-02-29')).toThrow(/not a calendar date: 2025-02-29/);
  });
});

describe('checking cases once', () => {
  it('returns a checked list frozen, and takes it back without checking again', () => {
    const checked = parseCases([{ caseRef: 'C1', milestones: { accommodated: { actual: '2026-01-05' } } }]);
    expect(Object.isFrozen(checked)).toBe(true);
    expect(Object.isFrozen(checked[0]!.milestones.accommodated)).toBe(true);
    expect(parseCases(checked)).toBe(checked);
  });

  it('still refuses a list with a date that does not exist', () => {
    const bad = [{ caseRef: 'C1', milestones: { accommodated: { actual: '2026-02-30' } } }];
    expect(() => parseCases(bad)).toThrow(/real calendar date/);
  });
});
