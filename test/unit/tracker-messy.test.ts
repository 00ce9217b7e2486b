import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compileCaseRefPattern } from '../../src/domain/case-reference.js';
import { ValidationError } from '../../src/errors.js';
import {
  catalogueOf,
  MAX_YEARS_AHEAD,
  MAX_YEARS_BACK,
} from '../../src/programme/cases/milestone-settings.js';
import { readCellDate } from '../../src/programme/tracker/read-cell-date.js';
import {
  MAX_TRACKER_BYTES,
  MAX_TRACKER_ROWS,
  readTracker,
} from '../../src/programme/tracker/read-tracker.js';
import type {
  ColumnMapping,
  TrackerReading,
  TrackerSettings,
} from '../../src/programme/tracker/tracker-types.js';

const settings: TrackerSettings = {
  catalogue: catalogueOf(null),
  pattern: compileCaseRefPattern(),
  today: '2026-11-19',
  maxYearsBack: MAX_YEARS_BACK,
  maxYearsAhead: MAX_YEARS_AHEAD,
};

type Cell = ExcelJS.CellValue;

/** A workbook built here, as a buffer, the way an upload arrives. */
async function workbook(
  sheets: Record<string, Cell[][]>,
  prepare?: (wb: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = wb.addWorksheet(name);
    rows.forEach((row, i) => {
      row.forEach((value, c) => {
        if (value !== undefined) sheet.getCell(i + 1, c + 1).value = value;
      });
    });
  }
  prepare?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readXlsx(
  sheets: Record<string, Cell[][]>,
  mapping?: ColumnMapping,
  prepare?: (wb: ExcelJS.Workbook) => void,
): Promise<TrackerReading> {
  return readTracker(await workbook(sheets, prepare), 'tracker.xlsx', settings, mapping);
}

function readCsv(text: string, mapping?: ColumnMapping): Promise<TrackerReading> {
  return readTracker(Buffer.from(text, 'utf8'), 'tracker.csv', settings, mapping);
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

function milestones(reading: TrackerReading): Record<string, string | undefined> {
  return Object.fromEntries(
    reading.columns.filter((c) => c.kind === 'milestone').map((c) => [c.header, c.milestone]),
  );
}

function datesOf(reading: TrackerReading, caseRef: string): Record<string, string> {
  const row = reading.rows.find((r) => r.caseRef === caseRef);
  return Object.fromEntries((row?.records ?? []).map((r) => [r.milestone, r.date]));
}

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('finding the header row', () => {
  it('skips title rows, a merged title and a note above the headings', async () => {
    const reading = await readXlsx(
      {
        Tracker: [
          ['Permanence tracker — Accommodated children'],
          [],
          ['Data as at 1/10/2025'],
          ['Case ref', 'Accommodated', 'Permanence panel'],
          ['C1001', utc('2025-01-06'), utc('2025-08-13')],
        ],
      },
      undefined,
      (wb) => wb.getWorksheet('Tracker')!.mergeCells('A1:C1'),
    );
    expect(reading.headerRow).toBe(4);
    expect(reading.sheets).toEqual([{ name: 'Tracker', headerRow: 4 }]);
    expect(datesOf(reading, 'C1001')).toEqual({
      accommodated: '2025-01-06',
      permanence_panel: '2025-08-13',
    });
  });

  it('reads two-level headings, where the reference is merged down over both rows', async () => {
    const reading = await readXlsx(
      {
        Tracker: [
          ['Case ref', 'Aim 2', null, 'Aim 3'],
          [null, 'Accommodated', 'Perm rec', 'ADM'],
          ['C1001', utc('2025-01-06'), utc('2025-06-18'), utc('2025-08-22')],
        ],
      },
      undefined,
      (wb) => {
        const sheet = wb.getWorksheet('Tracker')!;
        sheet.mergeCells('A1:A2');
        sheet.mergeCells('B1:C1');
      },
    );
    expect(reading.headerRow).toBe(2);
    expect(reading.columns[0]).toMatchObject({ index: 1, header: 'Case ref', kind: 'reference' });
    expect(milestones(reading)).toEqual({
      Accommodated: 'accommodated',
      'Perm rec': 'permanence_recommendation',
      ADM: 'adm_decision',
    });
    expect(reading.dates).toBe(3);
  });

  it('refuses a file with no reference column or no milestone column', async () => {
    const noMilestone = await refusal(
      readXlsx({ Tracker: [['Case ref', 'Notes'], ['C1001', 'x']] }),
    );
    expect(noMilestone.code).toBe('tracker_no_header');
    expect(noMilestone.userMessage).toMatch(/case reference column/);
    const noReference = await refusal(readCsv('Accommodated,Panel\n03/10/2025,\n'));
    expect(noReference.code).toBe('tracker_no_header');
  });
});

describe('column headings', () => {
  it('understands the abbreviations areas use', async () => {
    const headers = [
      'Child ID',
      'Accom date',
      '72 hr mtg',
      'LAAC 1',
      'Legal',
      'Perm rec date',
      'Panel',
      'ADM',
      'PO lodged',
      'PO granted',
    ];
    const reading = await readXlsx({ Tracker: [headers, ['C1001']] });
    expect(reading.columns[0]).toMatchObject({ header: 'Child ID', kind: 'reference' });
    expect(milestones(reading)).toEqual({
      'Accom date': 'accommodated',
      '72 hr mtg': 'planning_meeting_72h',
      'LAAC 1': 'first_lac_review',
      Legal: 'legal_advice',
      'Perm rec date': 'permanence_recommendation',
      Panel: 'permanence_panel',
      ADM: 'adm_decision',
      'PO lodged': 'application_lodged',
      'PO granted': 'order_granted',
    });
  });

  it.each([
    ['Accom', 'accommodated'],
    ['72hr', 'planning_meeting_72h'],
    ['LAC 1', 'first_lac_review'],
    ['1st LAC', 'first_lac_review'],
    ['Perm Rec', 'permanence_recommendation'],
    ['Date of accommodation', 'accommodated'],
    ['Permanence\npanel', 'permanence_panel'],
  ])('reads “%s” as %s', async (header, key) => {
    const reading = await readCsv(`Ref,"${header}"\nC1001,03/10/2025\n`);
    expect(reading.columns[1]).toMatchObject({ kind: 'milestone', milestone: key });
  });

  it('ignores unplaced headings, a later meeting and a second column for a milestone; reads a team', async () => {
    const reading = await readCsv(
      'Case no,1st LAC,LAC review 2,Days accom to panel,LAC 1,Social work team\n' +
        'C1001,03/10/2025,03/11/2025,40,04/10/2025,East\n',
    );
    expect(milestones(reading)).toEqual({ '1st LAC': 'first_lac_review' });
    expect(reading.ignoredColumns).toEqual([
      'LAC review 2',
      'Days accom to panel',
      'LAC 1',
    ]);
    // The first column for a milestone is the one read.
    expect(datesOf(reading, 'C1001')).toEqual({ first_lac_review: '2025-10-03' });
    expect(reading.columns.find((c) => c.header === 'LAC review 2')?.holdsDates).toBe(true);
    const team = reading.columns.find((c) => c.header === 'Social work team');
    expect(team?.kind).toBe('team');
    expect(reading.rows.find((r) => r.caseRef === 'C1001')?.team).toBe('East');
  });
});

describe('column contents', () => {
  const rows = ['C1001', 'C1002', 'C1003', 'C1004', 'C1005'].map(
    (ref, i) => `${ref},0${i + 1}/10/2025,${i === 0 ? '03/10/2025' : i % 2 ? 'yes' : 'no'}`,
  );
  const csv = ['Ref,Accommodated,Legal', ...rows].join('\n');

  it('ignores a column named like a milestone that mostly holds no dates', async () => {
    const reading = await readCsv(csv);
    expect(milestones(reading)).toEqual({ Accommodated: 'accommodated' });
    expect(reading.ignoredColumns).toEqual(['Legal']);
    expect([reading.cases, reading.rowErrors.length]).toEqual([5, 0]);
  });

  it('reads it as the admin mapped it, refusing the rows that hold no date', async () => {
    const reading = await readCsv(csv, { Legal: 'legal_advice' });
    expect(milestones(reading)).toEqual({ Accommodated: 'accommodated', Legal: 'legal_advice' });
    expect(reading.rowErrors).toHaveLength(4);
    expect(reading.rowErrors[0]).toEqual({
      row: 3,
      reason: 'the “Legal” cell does not hold a date',
    });
    expect(datesOf(reading, 'C1001')).toEqual({
      accommodated: '2025-10-01',
      legal_advice: '2025-10-03',
    });
  });
});

describe('identifier columns', () => {
  const planted = ['Kayden Planted', 'Planted', '17/04/2014', 'EH1 1YZ', '1704141234'];
  const plantedToo = ['1 Planted Street', 'kayden@example.org', '07700 900123'];

  it('names them and never carries their cells into the reading', async () => {
    const reading = await readXlsx({
      Tracker: [
        [
          'Case ref',
          'Child name',
          'Surname',
          'D.O.B.',
          'Postcode',
          'CHI number',
          'Address',
          'Email',
          'Mobile',
          'Date of birth',
          'Accommodated',
        ],
        ['C1001', ...planted, ...plantedToo, utc('2014-04-17'), utc('2025-01-06')],
        // The same details where a milestone would be refused: still never read.
        ['C1002', 'Kayden Planted', 'Planted', 'not known', 'EH1 1YZ', 45666, 'x', 'x', 'x', 'x'],
      ],
    });
    expect(reading.identifierColumns).toEqual([
      'Child name',
      'Surname',
      'D.O.B.',
      'Postcode',
      'CHI number',
      'Address',
      'Email',
      'Mobile',
      'Date of birth',
    ]);
    expect(reading.columns.find((c) => c.header === 'D.O.B.')?.identifier).toBe('date_of_birth');
    expect(reading.columns.find((c) => c.header === 'CHI number')?.identifier).toBe(
      'chi_or_nhs_number',
    );
    // "Date of birth" is an identifier, not a milestone.
    expect(milestones(reading)).toEqual({ Accommodated: 'accommodated' });
    expect(reading.cases).toBe(2);
    expect(reading.rowErrors).toEqual([]);
    const json = JSON.stringify(reading);
    for (const value of [...planted, ...plantedToo, '2014-04-17', '2025-01-09', 'Kayden']) {
      expect(json).not.toContain(value);
    }
  });

  it('cannot be mapped to a milestone', async () => {
    const error = await refusal(
      readCsv('Ref,DOB,Accommodated\nC1001,17/04/2014,03/10/2025\n', { DOB: 'accommodated' }),
    );
    expect(error.code).toBe('tracker_mapping');
    expect(error.userMessage).toContain('“DOB”');
    expect(error.userMessage).not.toContain('17/04/2014');
  });
});

describe('dates in cells', () => {
  it.each([
    '3/10/2025',
    '03/10/25',
    '3.10.25',
    '3-10-2025',
    '3 Oct 2025',
    '3 October 2025',
    '3rd October 2025',
    '3-Oct-25',
    '2025-10-03',
    '2025-10-03T00:00:00',
    ' 03/10/2025 ',
  ])('reads the text “%s” day first, as 3 October 2025', (text) => {
    expect(readCellDate(text)).toMatchObject({ kind: 'date', iso: '2025-10-03' });
  });

  it.each(['tbc', 'TBC', 'n/a', 'N/A', '-', '–', '?', 'none', '', '   ', null, undefined])(
    'reads “%s” as no date',
    (value) => {
      expect(readCellDate(value)).toEqual({ kind: 'empty' });
    },
  );

  it('reads Excel serials in a sane range and wrapped exceljs values', () => {
    // As Excel counts (it keeps 29 Feb 1900): 45658 is 1 Jan 2025.
    expect(readCellDate(45658)).toMatchObject({ kind: 'date', iso: '2025-01-01' });
    expect(readCellDate(45666)).toMatchObject({ kind: 'date', iso: '2025-01-09' });
    expect(readCellDate(45667.75)).toMatchObject({ kind: 'date', iso: '2025-01-10' });
    expect(readCellDate(1462, true)).toMatchObject({ kind: 'not_a_date' });
    expect(readCellDate(44196, true)).toMatchObject({ iso: '2025-01-01' });
    expect(readCellDate(12)).toEqual({ kind: 'not_a_date' });
    expect(readCellDate({ richText: [{ text: '3/10/' }, { text: '2025' }] })).toMatchObject({
      iso: '2025-10-03',
    });
    expect(readCellDate({ formula: 'A1+1', result: utc('2025-10-04') })).toMatchObject({
      iso: '2025-10-04',
    });
    expect(readCellDate({ formula: 'A1+1', result: 45666 })).toMatchObject({ iso: '2025-01-09' });
    expect(readCellDate({ formula: 'IF(A1,"",A1)', result: '' })).toEqual({ kind: 'empty' });
    expect(readCellDate({ text: '3 Oct 2025', hyperlink: 'https://x.test' })).toMatchObject({
      iso: '2025-10-03',
    });
    expect(readCellDate({ error: '#REF!' })).toEqual({ kind: 'error', code: '#REF!' });
    expect(readCellDate('30/02/2025')).toEqual({ kind: 'invalid', text: '30/02/2025', why: 'day 30 of February' });
  });

  it('reads serials, dates, text and formulas from a sheet; later dates are planned', async () => {
    const reading = await readXlsx({
      Tracker: [
        ['Ref', 'Accommodated', '72hr', 'First LAC review', 'Perm rec', 'Panel'],
        [
          'C1001',
          45666,
          { formula: 'B2+2', result: utc('2025-01-11') },
          { richText: [{ text: '24 Jan ' }, { text: '2025' }] },
          'TBC',
          '9 December 2026',
        ],
        ['c1002', utc('2026-11-19'), 'n/a', '–', '?', 'none'],
      ],
    });
    expect(reading.rowErrors).toEqual([]);
    expect(reading.rows[0]!.records).toEqual([
      { caseRef: 'C1001', milestone: 'accommodated', date: '2025-01-09', planned: false },
      { caseRef: 'C1001', milestone: 'planning_meeting_72h', date: '2025-01-11', planned: false },
      { caseRef: 'C1001', milestone: 'first_lac_review', date: '2025-01-24', planned: false },
      { caseRef: 'C1001', milestone: 'permanence_panel', date: '2026-12-09', planned: true },
    ]);
    // Today is actual, not planned; references are upper-cased.
    expect(reading.rows[1]).toEqual({
      row: 3,
      caseRef: 'C1002',
      records: [
        { caseRef: 'C1002', milestone: 'accommodated', date: '2026-11-19', planned: false },
      ],
    });
    expect([reading.cases, reading.dates, reading.planned]).toEqual([2, 4, 1]);
  });
});

describe('rows', () => {
  it('skips blank and totals rows and counts a case with no dates yet', async () => {
    const reading = await readXlsx({
      Tracker: [
        ['Case ref', 'Accommodated', 'Panel'],
        ['C1001', utc('2025-01-06'), null],
        [],
        ['C1002', null, null],
        [null, null, null],
        ['Total', 2, 0],
        ['Average', 1, 0],
        [null, 2, 1],
      ],
    });
    expect(reading.rowErrors).toEqual([]);
    expect(reading.rows.map((r) => r.row)).toEqual([2, 4]);
    expect([reading.cases, reading.casesWithoutDates, reading.dates]).toEqual([2, 1, 1]);
  });

  it('refuses a row whose reference does not fit, without echoing it', async () => {
    const reading = await readXlsx({
      Tracker: [
        ['Case ref', 'Accommodated'],
        ['Kayden Planted', utc('2025-01-06')],
        ['C1001', utc('2025-01-06')],
        [null, '03/10/2025'],
      ],
    });
    expect(reading.rowErrors).toEqual([
      { row: 2, reason: 'the case reference does not look like C1042' },
      { row: 4, reason: 'this row has dates but no case reference' },
    ]);
    expect(reading.cases).toBe(1);
    expect(JSON.stringify(reading)).not.toContain('Kayden');
  });

  it('gives an example reference only when it knows one for the pattern', async () => {
    const csv = Buffer.from('Ref,Accommodated\nC1001,03/10/2025\nNV-1001,03/10/2025\n');
    const area = { ...settings, pattern: compileCaseRefPattern('NV-\\d{4}') };
    const plain = await readTracker(csv, 'tracker.csv', area);
    expect(plain.rowErrors).toEqual([
      { row: 2, reason: "the case reference does not fit the programme's pattern" },
    ]);
    expect(plain.rows.map((r) => r.caseRef)).toEqual(['NV-1001']);
    const example = { ...area, caseRefExample: 'NV-1042' };
    const withExample = await readTracker(csv, 'tracker.csv', example);
    expect(withExample.rowErrors[0]!.reason).toBe('the case reference does not look like NV-1042');
  });

  it('refuses a row whole for an impossible, implausible or out-of-order date', async () => {
    const reading = await readXlsx({
      Tracker: [
        ['Ref', 'Accommodated', 'First LAC review', 'Permanence panel', 'Notes'],
        ['C1001', '31/04/2025', utc('2025-05-10'), null],
        ['C1002', utc('1990-10-03'), null, null],
        ['C1003', utc('2025-10-03'), null, '03/10/2030'],
        ['C1004', utc('2025-10-03'), utc('2025-09-30'), null],
        ['C1005', utc('2025-10-03'), 'moved to Kayden Planted', null],
        ['C1006', '3 Oct', null, null],
        ['C1007', { formula: '1/0', result: { error: '#DIV/0!' } }, null, null],
        ['C1008', utc('2025-10-03'), null, null, 'Kayden Planted'],
      ],
    });
    expect(reading.rowErrors).toEqual([
      { row: 2, reason: '31/04/2025 is not a date' },
      { row: 3, reason: 'the “Accommodated” date is more than 18 years ago' },
      { row: 4, reason: 'the “Permanence panel” date is more than 2 years ahead' },
      { row: 5, reason: 'first LAC review before the accommodation' },
      { row: 6, reason: 'the “First LAC review” cell does not hold a date' },
      { row: 7, reason: 'the “Accommodated” date has no year' },
      { row: 8, reason: 'the “Accommodated” cell shows the spreadsheet error #DIV/0!' },
    ]);
    // Never partial: nothing of a refused row is imported.
    expect(reading.rows.map((r) => r.caseRef)).toEqual(['C1008']);
    expect(JSON.stringify(reading)).not.toContain('Kayden');
  });

  it('passes over an exact repeat of a case and refuses one with different dates', async () => {
    const reading = await readCsv(
      [
        'Ref,Accommodated,Panel',
        'C1001,06/01/2025,',
        'C1001,6 Jan 2025,tbc',
        'C1001,07/01/2025,',
        'C1002,30/02/2025,',
        'C1002,01/02/2025,',
      ].join('\n'),
    );
    expect(reading.rows.map((r) => r.row)).toEqual([2]);
    expect(reading.rowErrors).toEqual([
      { row: 4, reason: 'second row for C1001 with different dates' },
      { row: 5, reason: '30/02/2025 is not a date' },
      { row: 6, reason: 'second row for C1002, whose first row was refused' },
    ]);
    expect([reading.cases, reading.dates]).toEqual([1, 1]);
  });

  it('labels rows "Sheet!n" when several sheets hold data; skips the others', async () => {
    const reading = await readXlsx({
      FY24: [['Ref', 'Accommodated'], ['C1001', utc('2024-03-01')]],
      Lookups: [['Team', 'Manager'], ['East', 'someone']],
      FY25: [['Tracker 2025'], ['Case ref', 'Accom'], ['C1002', 'x'], ['C1001', '01/03/2024']],
    });
    expect(reading.sheets).toEqual([
      { name: 'FY24', headerRow: 1 },
      { name: 'FY25', headerRow: 2 },
    ]);
    expect(reading.headerRow).toBe(1);
    // C1001 again on FY25 with the same date is the same case, passed over.
    expect(reading.rows.map((r) => r.row)).toEqual(['FY24!2']);
    expect(reading.rowErrors).toEqual([
      { row: 'FY25!3', reason: 'the “Accom” cell does not hold a date' },
    ]);
    expect(reading.columns.map((c) => c.sheet)).toEqual(['FY24', 'FY24', 'FY25', 'FY25']);
  });

  it('refuses more rows than the cap', async () => {
    const lines = ['Ref,Accommodated'];
    for (let i = 0; i <= MAX_TRACKER_ROWS; i++) lines.push(`C${100_000 + i},03/10/2025`);
    const error = await refusal(readCsv(lines.join('\n')));
    expect(error.code).toBe('tracker_too_large');
  });
});

describe('CSV files', () => {
  it('reads UTF-8 with a BOM, semicolons and quoted fields', async () => {
    const csv =
      '\uFEFFNorthvale tracker\r\n' +
      'Case ref;Child name;Accommodated;"Perm; rec";Notes\r\n' +
      'C1001;"Planted; Kayden";03/10/2025;"14/10/2025";"said ""ok""; then\r\nmoved"\r\n' +
      'C1002;"Kayden ""K"" Planted";3.10.25;;\r\n';
    const reading = await readCsv(csv);
    expect(reading.headerRow).toBe(2);
    expect(milestones(reading)).toEqual({
      Accommodated: 'accommodated',
      'Perm; rec': 'permanence_recommendation',
    });
    expect(reading.identifierColumns).toEqual(['Child name']);
    // The quoted line break stays inside its row, so the next record is spreadsheet row 4.
    expect(reading.rows.map((r) => [r.row, r.caseRef])).toEqual([
      [3, 'C1001'],
      [4, 'C1002'],
    ]);
    expect(datesOf(reading, 'C1001')).toEqual({
      accommodated: '2025-10-03',
      permanence_recommendation: '2025-10-14',
    });
    expect(JSON.stringify(reading)).not.toContain('Kayden');
  });

  it('reads commas, and a serial number kept as text', async () => {
    const reading = await readCsv('Ref,Accommodated,Panel\nC1001,45666,"9 Dec 2026"\n');
    expect(reading.rows[0]!.records.map((r) => [r.date, r.planned])).toEqual([
      ['2025-01-09', false],
      ['2026-12-09', true],
    ]);
  });
});

describe('mapping', () => {
  const csv = 'Ref,Gateway,Panel,Accommodated\nC1001,03/10/2025,05/11/2025,01/10/2025\n';

  it('re-maps a header to a milestone or to ignore', async () => {
    const before = await readCsv(csv);
    expect(milestones(before)).toEqual({ Panel: 'permanence_panel', Accommodated: 'accommodated' });
    expect(before.columns[1]).toMatchObject({ kind: 'ignored', holdsDates: true });
    const after = await readCsv(csv, { gateway: 'legal_advice', Panel: 'ignore' });
    expect(milestones(after)).toEqual({ Gateway: 'legal_advice', Accommodated: 'accommodated' });
    expect(after.ignoredColumns).toEqual(['Panel']);
    expect(datesOf(after, 'C1001')).toEqual({
      legal_advice: '2025-10-03',
      accommodated: '2025-10-01',
    });
  });

  it('lets a mapped column win over one recognised from its header', async () => {
    const reading = await readCsv(csv, { Gateway: 'accommodated' });
    expect(milestones(reading)).toEqual({ Gateway: 'accommodated', Panel: 'permanence_panel' });
    expect(reading.ignoredColumns).toEqual(['Accommodated']);
  });

  it('refuses a mapping to a milestone the programme does not have', async () => {
    const error = await refusal(readCsv(csv, { Gateway: 'legal_gateway' }));
    expect(error.code).toBe('tracker_mapping');
    expect(error.userMessage).toContain('legal_advice');
  });
});

describe('files that cannot be read', () => {
  it('refuses other file types, naming the ones it reads', async () => {
    const error = await refusal(readTracker(Buffer.from('x'), 'Kayden tracker.xls', settings));
    expect(error.code).toBe('tracker_file_type');
    expect(error.userMessage).toContain('.xlsx');
    expect(error.userMessage).not.toContain('Kayden');
  });

  it('refuses a damaged workbook and one too large', async () => {
    const good = await workbook({ Tracker: [['Ref', 'Accommodated']] });
    const damaged = await refusal(readTracker(good.subarray(0, 200), 'tracker.xlsx', settings));
    expect(damaged.code).toBe('tracker_unreadable');
    const renamed = await refusal(readTracker(Buffer.from('Ref,Accom\n'), 'a.xlsx', settings));
    expect(renamed.code).toBe('tracker_unreadable');
    const huge = await refusal(
      readTracker(Buffer.alloc(MAX_TRACKER_BYTES + 1), 'tracker.csv', settings),
    );
    expect(huge.code).toBe('tracker_too_large');
  });
});
