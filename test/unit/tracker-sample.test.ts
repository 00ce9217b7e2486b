import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCaseRefPattern } from '../../src/domain/case-reference.js';
import {
  catalogueOf,
  MAX_YEARS_AHEAD,
  MAX_YEARS_BACK,
} from '../../src/programme/cases/milestone-settings.js';
import { readTracker } from '../../src/programme/tracker/read-tracker.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// A copy of /work/shared/fixtures/trackers, kept in the repo so CI on a clean clone has it.
const copyDir = fileURLToPath(new URL('../fixtures/trackers/', import.meta.url));
const sharedDir = fileURLToPath(new URL('../../../shared/fixtures/trackers/', import.meta.url));
const haveShared = existsSync(`${sharedDir}sample-tracker.xlsx`);

interface Expected {
  today: string;
  file: string;
  cases: number;
  dates: number;
  planned: number;
  rowErrors: { row: number; why: string }[];
  identifierColumns: string[];
  mapping: Record<string, string>;
  ignoredColumns: string[];
}

const expected = JSON.parse(
  readFileSync(`${copyDir}sample-tracker.expected.json`, 'utf8'),
) as Expected;

/** The summary as the expected file states it, from the CLI's line or a reading. */
function summarise(found: {
  cases: number;
  dates: number;
  planned: number;
  headerRow: number;
  rowErrors: { row: number | string; reason: string }[];
  identifierColumns: string[];
  ignoredColumns: string[];
  mapping: Record<string, string | undefined>;
}) {
  return {
    cases: found.cases,
    dates: found.dates,
    planned: found.planned,
    headerRow: found.headerRow,
    rowErrors: found.rowErrors.map((e) => ({ row: e.row, why: e.reason })),
    identifierColumns: found.identifierColumns,
    mapping: found.mapping,
    ignoredColumns: found.ignoredColumns,
  };
}

const wanted = {
  cases: expected.cases,
  dates: expected.dates,
  planned: expected.planned,
  headerRow: 2,
  rowErrors: expected.rowErrors,
  identifierColumns: expected.identifierColumns,
  mapping: expected.mapping,
  ignoredColumns: expected.ignoredColumns,
};

describe('the sample tracker', () => {
  it('reads to exactly the expected summary', async () => {
    const data = readFileSync(`${copyDir}${expected.file}`);
    const reading = await readTracker(data, expected.file, {
      catalogue: catalogueOf(null),
      pattern: compileCaseRefPattern(),
      today: expected.today,
      maxYearsBack: MAX_YEARS_BACK,
      maxYearsAhead: MAX_YEARS_AHEAD,
    });
    const mapping = Object.fromEntries(
      reading.columns.filter((c) => c.kind === 'milestone').map((c) => [c.header, c.milestone]),
    );
    expect(summarise({ ...reading, mapping })).toEqual(wanted);
    expect(reading.fileName).toBe(expected.file);
    // "Case no" is the reference: neither ignored nor an identifier.
    expect(reading.columns.find((c) => c.header === 'Case no')?.kind).toBe('reference');
    // The records add up to the counts, and no child's name is carried.
    const records = reading.rows.flatMap((r) => r.records);
    expect(records.filter((r) => !r.planned)).toHaveLength(expected.dates);
    expect(JSON.stringify(reading)).not.toMatch(/Example/);
  });

  it('is kept identical to the shared fixture (by content hash, and byte for byte where shared/ is beside)', () => {
    // The hashes of ../shared/fixtures/trackers as issued; a changed shared fixture fails here.
    const issued: Record<string, string> = {
      'sample-tracker.xlsx': '9b4724cfb0464f0ad4f7543b67e9705dcce95b3e5dcfe7d96afc5c2a2e34b96d',
      'sample-tracker.expected.json': '6f0dc041ef5b763cbb303b62fe969be623668d88f213469e782d47f95eaa4764',
    };
    const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    for (const [name, hash] of Object.entries(issued)) {
      expect(sha(`${copyDir}${name}`)).toBe(hash);
      if (haveShared) expect(sha(`${sharedDir}${name}`)).toBe(hash);
    }
  });

  it('prints the same summary as the last line of `npm run import -- --dry-run`', () => {
    // The contract is checked from outside with the shared path; CI without it uses the copy.
    const file = haveShared
      ? '../shared/fixtures/trackers/sample-tracker.xlsx'
      : 'test/fixtures/trackers/sample-tracker.xlsx';
    const child = spawnSync(
      'npm',
      ['run', '--silent', 'import', '--', '--dry-run', '--today', expected.today, file],
      { cwd: root, encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const lines = child.stdout.trim().split('\n');
    const line = JSON.parse(lines[lines.length - 1]!) as Parameters<typeof summarise>[0] & {
      columns: { header: string; milestone: string }[];
    };
    expect(Object.keys(line)).toEqual([
      'cases',
      'dates',
      'planned',
      'headerRow',
      'columns',
      'identifierColumns',
      'ignoredColumns',
      'rowErrors',
    ]);
    const mapping = Object.fromEntries(line.columns.map((c) => [c.header, c.milestone]));
    expect(summarise({ ...line, mapping })).toEqual(wanted);
    // Milestone columns only, in file order.
    expect(line.columns.map((c) => c.header)).toEqual(Object.keys(expected.mapping));
  });

  it('answers a file it cannot read with one line on stderr and exit 1', () => {
    const child = spawnSync(
      'npm',
      ['run', '--silent', 'import', '--', '--dry-run', '--today', expected.today, 'package.json'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('');
    expect(child.stderr.trim().split('\n')).toHaveLength(1);
    expect(child.stderr).toMatch(/\.xlsx .*\.csv/);
    expect(child.stderr).not.toMatch(/\bat \S+:\d+/);
  });
});
