import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DateTime } from 'luxon';
import { compileCaseRefPattern } from '../domain/case-reference.js';
import { AppError } from '../errors.js';
import {
  catalogueOf,
  MAX_YEARS_AHEAD,
  MAX_YEARS_BACK,
} from '../programme/cases/milestone-settings.js';
import { readTracker } from '../programme/tracker/read-tracker.js';
import type {
  ColumnMapping,
  TrackerReading,
  TrackerSettings,
} from '../programme/tracker/tracker-types.js';

/**
 * `npm run --silent import -- [--dry-run] [--today yyyy-mm-dd] [--map "Header=key"]... FILE`
 * reads a tracker (.xlsx or .csv). With --dry-run it prints what it understood as one JSON line
 * (the last line of output) and stores nothing; without, it imports into the local programme.
 * A file that cannot be read is one line on stderr and exit 1; a usage mistake exits 2.
 */
const USAGE =
  'usage: npm run --silent import -- [--dry-run] [--today YYYY-MM-DD] [--map "Header=key"]... FILE';
const TIME_ZONE = 'Europe/London';


interface Args {
  dryRun: boolean;
  today: string;
  mapping: ColumnMapping;
  file: string;
}

function usageError(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  process.exit(2);
}

function fail(problem: string): never {
  process.stderr.write(`${problem.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(1);
}

function addMapping(mapping: ColumnMapping, value: string | undefined): void {
  // The last "=" splits, so a header may itself hold one.
  const at = value?.lastIndexOf('=') ?? -1;
  if (!value || at <= 0 || at === value.length - 1) {
    usageError(`--map needs "Header=milestone_key" (or "Header=ignore"), got "${value ?? ''}"`);
  }
  mapping[value.slice(0, at).trim()] = value.slice(at + 1).trim();
}

function readArgs(argv: string[]): Args {
  let dryRun = false;
  let today: string | undefined;
  const mapping: ColumnMapping = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--today') today = argv[++i] ?? usageError('--today needs a date');
    else if (arg.startsWith('--today=')) today = arg.slice('--today='.length);
    else if (arg === '--map') addMapping(mapping, argv[++i]);
    else if (arg.startsWith('--map=')) addMapping(mapping, arg.slice('--map='.length));
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('--')) usageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (today !== undefined) {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(today) && DateTime.fromISO(today).isValid;
    if (!valid) usageError(`--today must be a real date as YYYY-MM-DD, got "${today}"`);
  }
  if (files.length !== 1) usageError(files.length === 0 ? 'no file to read' : 'one file at a time');
  return {
    dryRun,
    today: today ?? DateTime.now().setZone(TIME_ZONE).toISODate()!,
    mapping,
    file: files[0]!,
  };
}

/** The dry-run answer; key order is part of the contract. */
function summary(reading: TrackerReading): string {
  return JSON.stringify({
    cases: reading.cases,
    dates: reading.dates,
    planned: reading.planned,
    headerRow: reading.headerRow,
    columns: reading.columns
      .filter((c) => c.kind === 'milestone')
      .map((c) => ({ header: c.header, milestone: c.milestone })),
    identifierColumns: reading.identifierColumns,
    ignoredColumns: reading.ignoredColumns,
    rowErrors: reading.rowErrors.map((e) => ({ row: e.row, reason: e.reason })),
  });
}

async function loadFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code;
    return fail(`cannot read ${file}: ${why ?? 'unknown error'}`);
  }
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const settings: TrackerSettings = {
    catalogue: catalogueOf(null),
    pattern: compileCaseRefPattern(),
    today: args.today,
    maxYearsBack: MAX_YEARS_BACK,
    maxYearsAhead: MAX_YEARS_AHEAD,
  };
  const data = await loadFile(args.file);
  if (!args.dryRun) {
    // Loaded only here, so a dry run never opens the database. The store side reads the file again
    // with the local programme's own milestones, reference pattern and today.
    const { importIntoStore } = await import('./import-into-store.js');
    process.stdout.write(`${await importIntoStore(data, basename(args.file), args.mapping)}\n`);
    return;
  }
  const reading = await readTracker(data, args.file, settings, args.mapping);
  process.stdout.write(`${summary(reading)}\n`);
}

main().catch((error: unknown) => {
  // A user's mistake is said as it is; anything else is one line too, without a stack trace.
  if (error instanceof AppError) fail(error.userMessage);
  fail(`import failed: ${error instanceof Error ? error.message : String(error)}`);
});
