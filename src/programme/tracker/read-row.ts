import {
  compileCaseRefPattern,
  DEFAULT_CASE_REF_EXAMPLE,
  isCaseReference,
  normaliseCaseRef,
} from '../../domain/case-reference.js';
import type { MilestoneRecord } from '../../domain/parse-milestone.js';
import { cellText, isBlank, plainValue } from './cell-value.js';
import { type DateWindow, implausibility } from './date-window.js';
import { orderProblem } from './order-reason.js';
import { readCellDate } from './read-cell-date.js';
import { teamOfCell } from './team-column.js';
import type { TrackerSettings } from './tracker-types.js';

/** The columns a row is read through: its reference and its milestone columns, nothing else. */
export interface RowLayout {
  reference: number;
  milestones: { index: number; header: string; milestone: string }[];
  /** The team column, if the tracker has one. */
  team?: number;
}

export type RowOutcome =
  | { kind: 'skip' }
  | { kind: 'case'; caseRef: string; records: MilestoneRecord[]; team?: string }
  | { kind: 'refused'; reason: string; caseRef?: string };

const SKIP: RowOutcome = { kind: 'skip' };

// Summary rows under the data, by what their first cell says.
const TOTALS = /^(grand )?(totals?|sub ?totals?|count|average|avg|mean|sum|median|min|max)\b/i;

type MilestoneCell = { milestone: string; header: string; read: ReturnType<typeof readCellDate> };

function problemWith(cell: MilestoneCell, window: DateWindow): string | null {
  const { read, header } = cell;
  // Named by its column, never by what the cell holds: a row reason is shown in the preview, and a
  // date column can hold a note about the child. The one exception is a date-shaped text that is no
  // day ("30/02/2025"): digits and separators only, quoted as the programme's import summary states.
  switch (read.kind) {
    case 'invalid':
      return `${read.text} is not a date`;
    case 'no_year':
      return `the “${header}” date has no year`;
    case 'error':
      return `the “${header}” cell shows the spreadsheet error ${read.code}`;
    case 'not_a_date':
      // Never the contents: a stray note in a date column could name the child.
      return `the “${header}” cell does not hold a date`;
    case 'date':
      return implausibility(read.iso, `the “${header}” date`, window);
    default:
      return null;
  }
}

const DEFAULT_PATTERN = compileCaseRefPattern().source;

/** Never the reference itself: a cell that does not fit may hold a child's name. */
function refusal(settings: TrackerSettings): string {
  const isDefault = settings.pattern.source === DEFAULT_PATTERN;
  // Only for the default pattern can we be sure what fits; an area may give its own example.
  const example = settings.caseRefExample ?? (isDefault ? DEFAULT_CASE_REF_EXAMPLE : undefined);
  return example
    ? `the case reference does not look like ${example}`
    : "the case reference does not fit the programme's pattern";
}

/**
 * Reads one data row, whole or not at all: a reference that fits the pattern and readable,
 * plausible dates in the expected order. Rows with nothing to import (blank, totals, or numbers
 * with no reference) are skipped. Identifier cells are never looked at.
 */
export function readRow(
  cells: ReadonlyArray<unknown> | undefined,
  layout: RowLayout,
  settings: TrackerSettings,
  window: DateWindow,
  date1904: boolean,
): RowOutcome {
  if (!cells) return SKIP;
  const read: MilestoneCell[] = layout.milestones.map((m) => ({
    milestone: m.milestone,
    header: m.header,
    read: readCellDate(cells[m.index], date1904),
  }));
  const rawRef = plainValue(cells[layout.reference]);
  const refText = cellText(cells[layout.reference]);
  if (isBlank(rawRef) || (!refText && !(rawRef instanceof Date))) {
    // Without a reference a row is a note or a totals line, unless it holds dates to lose.
    const holdsDates = read.some((c) => ['date', 'invalid', 'no_year'].includes(c.read.kind));
    if (!holdsDates) return SKIP;
    return { kind: 'refused', reason: 'this row has dates but no case reference' };
  }
  if (TOTALS.test(refText)) return SKIP;
  if (!isCaseReference(refText, settings.pattern)) {
    return { kind: 'refused', reason: refusal(settings) };
  }
  const caseRef = normaliseCaseRef(refText);
  const records: MilestoneRecord[] = [];
  for (const cell of read) {
    const problem = problemWith(cell, window);
    if (problem) return { kind: 'refused', reason: problem, caseRef };
    if (cell.read.kind !== 'date') continue;
    const date = cell.read.iso;
    records.push({ caseRef, milestone: cell.milestone, date, planned: date > window.today });
  }
  const disorder = orderProblem(
    records.filter((r) => !r.planned),
    settings.catalogue,
  );
  if (disorder) return { kind: 'refused', reason: disorder, caseRef };
  const team = layout.team === undefined ? { team: undefined } : teamOfCell(cellText(cells[layout.team]), window.today);
  if ('problem' in team) return { kind: 'refused', reason: team.problem, caseRef };
  return { kind: 'case', caseRef, records, ...(team.team ? { team: team.team } : {}) };
}
