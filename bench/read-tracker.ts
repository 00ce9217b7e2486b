import ExcelJS from 'exceljs';
import { compileCaseRefPattern } from '../src/domain/case-reference.js';
import {
  catalogueOf,
  MAX_YEARS_AHEAD,
  MAX_YEARS_BACK,
} from '../src/programme/cases/milestone-settings.js';
import { readTracker } from '../src/programme/tracker/read-tracker.js';
import type { TrackerSettings } from '../src/programme/tracker/tracker-types.js';
import { runIfMain } from './cli.js';
import { measure } from './harness.js';
import {
  type BenchOptions,
  type BenchReport,
  markdownTable,
  STATS_HEADERS,
  statsCells,
} from './report.js';

const ROWS = 5_000;
const TODAY = '2026-11-19';
const MILESTONES = [
  'Accommodated',
  '72hr planning meeting',
  'First LAC review',
  'Legal advice',
  'Perm rec',
  'Permanence panel',
  'ADM decision',
  'PO lodged',
  'PO granted',
  'CSO at home',
];
// 15 columns: a reference, three identifiers, ten milestones and notes.
const HEADERS = ['Case ref', 'Child name', 'DOB', 'Postcode', ...MILESTONES, 'Notes'];

/**
 * A realistic tracker: a title row, Excel dates in most milestone cells, some typed as UK text,
 * some "tbc" and blanks, the later milestones filled for fewer children, as in a real area.
 */
async function buildTracker(): Promise<{ xlsx: Buffer; csv: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tracker');
  sheet.addRow(['Permanence tracker']);
  sheet.addRow(HEADERS);
  const csvLines = [HEADERS.join(',')];
  const start = Date.UTC(2021, 0, 4);
  for (let i = 0; i < ROWS; i++) {
    const accommodated = start + (i % 1500) * 86_400_000;
    const dates = MILESTONES.map((_, m) => {
      if (m > 2 && (i + m) % (m + 1) === 0) return null;
      return new Date(accommodated + m * 30 * 86_400_000);
    });
    const cells = dates.map((d, m) => {
      if (!d) return m % 2 === 0 ? 'tbc' : null;
      // One cell in seven typed as text, as trackers kept by hand have.
      if ((i + m) % 7 === 0) return d.toLocaleDateString('en-GB', { timeZone: 'UTC' });
      return d;
    });
    const row = [`C${10_000 + i}`, `Child ${i}`, '17/04/2014', 'EH1 1YZ', ...cells, ''];
    sheet.addRow(row);
    const text = (v: unknown) =>
      v instanceof Date ? v.toLocaleDateString('en-GB', { timeZone: 'UTC' }) : String(v ?? '');
    csvLines.push(row.map(text).join(','));
  }
  for (let m = 0; m < MILESTONES.length; m++) sheet.getColumn(5 + m).numFmt = 'dd/mm/yyyy';
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  return { xlsx, csv: Buffer.from(csvLines.join('\r\n'), 'utf8') };
}

/**
 * `readTracker` on a 5,000-row × 15-column workbook built once in memory, against loading the
 * same buffer with exceljs alone: the floor for any xlsx reader, so the ratio is what finding the
 * header, classifying columns and reading and checking every row add. The same rows as CSV show
 * the reader without exceljs.
 */
export async function benchReadTracker(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 8;
  const warmUp = options.warmUp ?? 1;
  const { xlsx, csv } = await buildTracker();
  const settings: TrackerSettings = {
    catalogue: catalogueOf(null),
    pattern: compileCaseRefPattern(),
    today: TODAY,
    maxYearsBack: MAX_YEARS_BACK,
    maxYearsAhead: MAX_YEARS_AHEAD,
  };
  const reading = await readTracker(xlsx, 'bench.xlsx', settings);
  if (reading.cases + reading.rowErrors.length !== ROWS) {
    const got = `${reading.cases} + ${reading.rowErrors.length}`;
    throw new Error(`expected ${ROWS} rows read, got ${got}`);
  }
  const stats = await measure(
    [
      {
        name: 'baseline: exceljs `workbook.xlsx.load` alone',
        run: () => new ExcelJS.Workbook().xlsx.load(xlsx as unknown as ExcelJS.Buffer),
      },
      { name: 'readTracker, .xlsx', run: () => readTracker(xlsx, 'bench.xlsx', settings) },
      {
        name: 'readTracker, same rows as .csv',
        run: () => readTracker(csv, 'bench.csv', settings),
      },
    ],
    { rounds, warmUp },
  );
  const kb = (b: Buffer) => `${Math.round(b.length / 1024)} KB`;
  return {
    title: 'Tracker import reading',
    intro:
      `\`readTracker\` on a ${ROWS.toLocaleString('en-GB')}-row × ${HEADERS.length}-column ` +
      `tracker built once in memory (${kb(xlsx)} as .xlsx, ${kb(csv)} as .csv): a title row, ` +
      'three identifier columns, ten milestone columns of Excel dates with some UK text dates, ' +
      `"tbc" and blanks, ${rounds} rounds after ${warmUp} warm-up. Baseline: loading the same ` +
      '.xlsx buffer with exceljs alone (`workbook.xlsx.load`), the floor for any xlsx reader, so ' +
      'the ratio is what finding the header, classifying columns and reading and checking every ' +
      'row add. The .csv row is the same rows without exceljs.',
    table: markdownTable(
      ['case', ...STATS_HEADERS],
      stats.map((s) => [s.name, ...statsCells(s, stats[0])]),
    ),
    notes: [
      `Each read understood ${reading.cases.toLocaleString('en-GB')} cases with ` +
        `${reading.dates.toLocaleString('en-GB')} dates; ${reading.rowErrors.length} rows refused.`,
    ],
  };
}

await runIfMain(import.meta.url, benchReadTracker);
