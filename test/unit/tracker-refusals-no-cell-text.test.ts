import { describe, expect, it } from 'vitest';
import { compileCaseRefPattern } from '../../src/domain/case-reference.js';
import { MAX_YEARS_AHEAD, MAX_YEARS_BACK, catalogueOf } from '../../src/programme/cases/milestone-settings.js';
import { readTracker } from '../../src/programme/tracker/read-tracker.js';
import type { TrackerSettings } from '../../src/programme/tracker/tracker-types.js';

const settings: TrackerSettings = {
  catalogue: catalogueOf(null),
  pattern: compileCaseRefPattern(),
  today: '2026-11-19',
  maxYearsBack: MAX_YEARS_BACK,
  maxYearsAhead: MAX_YEARS_AHEAD,
};

// One row per way a row can be refused; every cell text is distinctive so an echo would show.
const ROWS = [
  ['C1001', '30/02/2025', ''],
  ['C1002', '31/13/2025', ''],
  ['C1003', '17 Oct', ''],
  ['C1004', '03/10/1990', ''],
  ['C1005', '04/11/2031', ''],
  ['C1006', 'moved to Kayden Planted', ''],
  ['C1007', '05/10/2025', '02/10/2025'],
  ['Kayden', '05/10/2025', ''],
  ['', '06/10/2025', ''],
  ['C1008', '00/10/2025', ''],
];

describe('refused rows never show what a cell holds', () => {
  it('names the column and the problem for every kind of refusal, never the cell text', async () => {
    const csv = ['Ref,Accommodated,First LAC review', ...ROWS.map((r) => r.join(','))].join('\n');
    const reading = await readTracker(Buffer.from(csv, 'utf8'), 'tracker.csv', settings);
    expect(reading.rowErrors).toHaveLength(ROWS.length);
    // A date-shaped text that is no day is quoted (the sample tracker's stated summary says
    // "30/02/2025 is not a date"): digits and separators only, so it cannot name anyone.
    const dateShaped = /^[\d/.-]+$/;
    for (const { row, reason } of reading.rowErrors) {
      const cells = ROWS[Number(row) - 2]!.filter((c) => c.length > 0 && !(dateShaped.test(c) && reason === `${c} is not a date`));
      for (const cell of cells) expect(reason, `row ${row}`).not.toContain(cell);
    }
    const reasons = reading.rowErrors.map((e) => e.reason);
    expect(reasons).toContain('30/02/2025 is not a date');
    expect(reasons).toContain('31/13/2025 is not a date');
    expect(reasons).toContain('00/10/2025 is not a date');
    expect(reasons).toContain('the “Accommodated” cell does not hold a date');
  });
});
