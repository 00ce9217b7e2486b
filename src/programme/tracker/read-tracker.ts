import { basename } from 'node:path';
import type { MilestoneRecord } from '../../domain/parse-milestone.js';
import { isTrackerHeader, settleDuplicates } from './classify-columns.js';
import { checkMapping } from './column-mapping.js';
import { judgeContents } from './column-contents.js';
import { dateWindow } from './date-window.js';
import { findHeaderRow } from './find-header-row.js';
import { readRow, type RowLayout } from './read-row.js';
import { refuseIdentifierHeadings } from './refuse-identifier-headings.js';
import { readWorkbook, type SheetGrid, trackerFileKind } from './read-workbook.js';
import { fileTooLarge, noHeaderRow, tooManyRows } from './tracker-errors.js';
import { MAX_TRACKER_BYTES, MAX_TRACKER_ROWS } from './tracker-limits.js';
import type {
  ColumnMapping,
  TrackerColumn,
  TrackerReading,
  TrackerRow,
  TrackerRowError,
  TrackerSettings,
} from './tracker-types.js';

export { MAX_TRACKER_BYTES, MAX_TRACKER_ROWS } from './tracker-limits.js';

interface DataSheet {
  grid: SheetGrid;
  headerRow: number;
  columns: TrackerColumn[];
}

/** The reading's columns leave out how they were classified. */
function publicColumn(classified: TrackerColumn & { fromMapping?: boolean }): TrackerColumn {
  const { fromMapping: _internal, ...column } = classified;
  return column;
}

function findDataSheets(
  grids: SheetGrid[],
  settings: TrackerSettings,
  mapping: ReturnType<typeof checkMapping>,
): DataSheet[] {
  const sheets: DataSheet[] = [];
  for (const grid of grids) {
    const header = findHeaderRow(grid, settings, mapping);
    if (!header) continue;
    const columns = settleDuplicates(judgeContents(grid, header.row, header.columns));
    // Headings alone looked right, but no column holds dates after all (a lookup sheet).
    if (!isTrackerHeader(columns)) continue;
    sheets.push({ grid, headerRow: header.row, columns: columns.map(publicColumn) });
  }
  return sheets;
}

function layoutOf(columns: readonly TrackerColumn[]): RowLayout {
  return {
    reference: columns.find((c) => c.kind === 'reference')!.index,
    milestones: columns
      .filter((c) => c.kind === 'milestone')
      .map((c) => ({ index: c.index, header: c.header, milestone: c.milestone! })),
    team: columns.find((c) => c.kind === 'team')?.index,
  };
}

/** Headers of one kind over all sheets, each once, in file order. */
function headersOf(columns: readonly TrackerColumn[], kind: TrackerColumn['kind']): string[] {
  return [...new Set(columns.filter((c) => c.kind === kind).map((c) => c.header))];
}

/** Two rows for one case agree when they give the same dates for the same milestones. */
function fingerprint(records: readonly MilestoneRecord[]): string {
  return records
    .map((r) => `${r.milestone}=${r.date}${r.planned ? '?' : ''}`)
    .sort()
    .join(' ');
}

/**
 * Reads a tracker (.xlsx or .csv) into the cases it holds, without storing anything. Each sheet
 * with a recognisable header row is read; each row is imported whole or refused whole with its
 * row number and a reason. Identifier columns (names, dates of birth, addresses…) are named but
 * their cells are never read. Throws a ValidationError with a message for the uploader when the
 * file as a whole cannot be read.
 */
export async function readTracker(
  data: Buffer,
  fileName: string,
  settings: TrackerSettings,
  mapping?: ColumnMapping,
): Promise<TrackerReading> {
  trackerFileKind(fileName);
  if (data.length > MAX_TRACKER_BYTES) throw fileTooLarge(data.length);
  const checkedMapping = checkMapping(mapping, settings.catalogue);
  const window = dateWindow(settings);
  const sheets = findDataSheets(await readWorkbook(data, fileName), settings, checkedMapping);
  if (sheets.length === 0) throw noHeaderRow();
  const named = sheets.map((s) => ({ name: s.grid.name, columns: s.columns }));
  refuseIdentifierHeadings(basename(fileName), named, new Date(`${settings.today}T12:00:00Z`));

  const labelled = sheets.length > 1;
  const rows: TrackerRow[] = [];
  const rowErrors: TrackerRowError[] = [];
  // Each case's first row: its records, or null when that row was refused.
  const firstRows = new Map<string, MilestoneRecord[] | null>();
  let dataRows = 0;
  for (const { grid, headerRow, columns } of sheets) {
    const layout = layoutOf(columns);
    for (let n = headerRow + 1; n < grid.rows.length; n++) {
      const outcome = readRow(grid.rows[n], layout, settings, window, grid.date1904);
      if (outcome.kind === 'skip') continue;
      if (++dataRows > MAX_TRACKER_ROWS) throw tooManyRows();
      const row = labelled ? `${grid.name}!${n}` : n;
      const ref = outcome.caseRef;
      const first = ref === undefined ? undefined : firstRows.get(ref);
      if (outcome.kind === 'refused') {
        rowErrors.push({ row, reason: outcome.reason });
        if (ref !== undefined && first === undefined) firstRows.set(ref, null);
      } else if (first === undefined) {
        firstRows.set(outcome.caseRef, outcome.records);
        rows.push({ row, caseRef: outcome.caseRef, records: outcome.records, ...(outcome.team ? { team: outcome.team } : {}) });
      } else if (first === null) {
        rowErrors.push({ row, reason: `second row for ${ref}, whose first row was refused` });
      } else if (fingerprint(first) !== fingerprint(outcome.records)) {
        rowErrors.push({ row, reason: `second row for ${ref} with different dates` });
      }
      // An exact repeat of a row already read adds nothing and is passed over.
    }
  }

  const columns = sheets.flatMap((s) => s.columns);
  const records = rows.flatMap((r) => r.records);
  return {
    fileName: basename(fileName),
    headerRow: sheets[0]!.headerRow,
    sheets: sheets.map((s) => ({ name: s.grid.name, headerRow: s.headerRow })),
    columns,
    identifierColumns: headersOf(columns, 'identifier'),
    ignoredColumns: headersOf(columns, 'ignored'),
    rows,
    rowErrors,
    cases: rows.length,
    casesWithoutDates: rows.filter((r) => r.records.length === 0).length,
    dates: records.filter((r) => !r.planned).length,
    planned: records.filter((r) => r.planned).length,
  };
}
