import type { MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../domain/parse-milestone.js';

/** What a tracker is read against: the programme's milestones, reference pattern and today. */
export interface TrackerSettings {
  catalogue: MilestoneCatalogue;
  /** The programme's case-reference pattern, compiled (see `compileCaseRefPattern`). */
  pattern: RegExp;
  /** Today in the programme's time zone (yyyy-mm-dd): later dates are planned. */
  today: string;
  maxYearsBack: number;
  maxYearsAhead: number;
  /** A made-up reference in the area's format, for refusals; C1042 suits the default pattern. */
  caseRefExample?: string;
}

/** Columns that would identify a child (or another person): never read, only named. */
export type IdentifierKind =
  | 'name'
  | 'date_of_birth'
  | 'address'
  | 'postcode'
  | 'chi_or_nhs_number'
  | 'phone'
  | 'email';

export interface TrackerColumn {
  sheet: string;
  /** 1-based column number, as Excel counts (A = 1). */
  index: number;
  /** The header as in the file, with runs of white space (line breaks too) made one space. */
  header: string;
  kind: 'reference' | 'milestone' | 'identifier' | 'ignored' | 'team';
  /** The milestone key, for a milestone column. */
  milestone?: string;
  identifier?: IdentifierKind;
  /** Ignored column whose cells are mostly dates: a candidate new milestone. */
  holdsDates?: boolean;
}

export interface TrackerRow {
  /** The spreadsheet's own row number, or "Sheet!n" when several sheets hold data. */
  row: number | string;
  /** Normalised (upper case). */
  caseRef: string;
  records: MilestoneRecord[];
  /** The case's team, from a team column (see team-column.ts). */
  team?: string;
}

/** A row refused whole. The reason never quotes a cell unless it is a date-like text. */
export interface TrackerRowError {
  row: number | string;
  reason: string;
}

export interface TrackerReading {
  fileName: string;
  /** The header row of the first sheet that holds data. */
  headerRow: number;
  /** The sheets that hold data (a recognisable header row), in workbook order. */
  sheets: { name: string; headerRow: number }[];
  columns: TrackerColumn[];
  /** Headers of identifier columns, each once, in file order. */
  identifierColumns: string[];
  /** Headers of ignored columns, each once, in file order. */
  ignoredColumns: string[];
  rows: TrackerRow[];
  rowErrors: TrackerRowError[];
  /** Cases imported: every accepted row, including those with no dates yet. */
  cases: number;
  /** Of `cases`, those whose row holds no date at all. */
  casesWithoutDates: number;
  /** Actual (past or today) dates over importing rows. */
  dates: number;
  /** Future dates over importing rows. */
  planned: number;
}

/** Header (as in the file) → milestone key, or 'ignore': an admin's remapping in the preview. */
export type ColumnMapping = Record<string, string>;
