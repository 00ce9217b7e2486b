import type ExcelJS from 'exceljs';
import type { MeasurePoint } from '../../domain/measures/index.js';
import type { MeasureAnalysis } from '../measures/analyse-measure.js';
import { withoutFloatNoise, yesNo } from './excel-values.js';
import { addTableSheet, type Column, type Row } from './sheet-style.js';

export const MEASURES_SHEET = 'Measures';

const COLUMNS: Column[] = [
  { header: 'Measure', width: 40 },
  { header: 'Measure key', width: 28 },
  { header: 'Unit', width: 8 },
  { header: 'Aim group', width: 24 },
  { header: 'View', width: 10 },
  { header: 'Period', width: 12 },
  { header: 'Case ref', width: 12 },
  { header: 'Value', width: 10 },
  { header: 'Numerator', width: 10 },
  { header: 'Denominator', width: 12 },
  { header: 'Phase', width: 8 },
  { header: 'Median', width: 10 },
  { header: 'Excluded', width: 10 },
  { header: 'In baseline', width: 10 },
  { header: 'Side of median', width: 14 },
  { header: 'In shift (IHI)', width: 12 },
  { header: 'In trend (IHI)', width: 12 },
  { header: 'In long run (Anhøj)', width: 16 },
];

/** Proportion measures carry the counts behind each percentage; other points do not. */
function counts(point: MeasurePoint): [number | null, number | null] {
  const withCounts = point as MeasurePoint & { numerator?: number; denominator?: number };
  return [withCounts.numerator ?? null, withCounts.denominator ?? null];
}

function measureRows(result: MeasureAnalysis, groupNames: ReadonlyMap<string, string>): Row[] {
  const { measure, view, points, analysis } = result;
  const group = measure.groupKey ? (groupNames.get(measure.groupKey) ?? measure.groupKey) : null;
  const about = [measure.name, measure.key, measure.unit, group, view];
  // A measure with no data still gets a row, so the sheet lists every measure there is.
  if (points.length === 0) return [[...about, ...Array(COLUMNS.length - about.length).fill(null)]];
  return points.map((point, i): Row => {
    const judged = analysis?.points[i];
    const phase = judged ? analysis.phases[judged.phase] : undefined;
    return [
      ...about,
      point.period,
      point.caseRef ?? null,
      withoutFloatNoise(point.value),
      ...counts(point),
      judged ? judged.phase + 1 : null,
      withoutFloatNoise(phase?.median ?? null),
      judged ? yesNo(judged.excluded) : null,
      judged ? yesNo(judged.inBaseline) : null,
      judged?.side ?? null,
      judged ? yesNo(judged.inShift) : null,
      judged ? yesNo(judged.inTrend) : null,
      judged ? yesNo(judged.inLongRun) : null,
    ];
  });
}

/** One row per point of every measure, with where the run chart puts it: phase, median, signals. */
export function addMeasuresSheet(
  workbook: ExcelJS.Workbook,
  results: readonly MeasureAnalysis[],
  groupNames: ReadonlyMap<string, string>,
): void {
  const rows = results.flatMap((result) => measureRows(result, groupNames));
  addTableSheet(workbook, MEASURES_SHEET, COLUMNS, rows);
}
