import type { MeasurePoint, RunChartSettings } from '../../domain/measures/index.js';
import type { MeasureSettings } from '../../store/schemas/measure.js';

/**
 * Compares a point's period with a stored one at the coarser of the two: a month series reads a
 * date as its month, a per-child series reads a month as all of its days.
 */
export function comparePeriods(point: string, stored: string): number {
  const length = Math.min(point.length, stored.length);
  return point.slice(0, length).localeCompare(stored.slice(0, length));
}

/** Where a stored point sits in a series: the child's point, else the first point at or after the period. */
export function indexOfStart(
  series: readonly MeasurePoint[],
  period: string,
  caseRef?: string,
): number {
  const byChild = caseRef === undefined ? -1 : series.findIndex((p) => p.caseRef === caseRef);
  if (byChild >= 0) return byChild;
  return series.findIndex((p) => comparePeriods(p.period, period) >= 0);
}

/**
 * A lead's stored settings as run-chart settings for one series. They name points by period or
 * child, not by position, so they keep meaning the same points in every view and window.
 */
export function runChartSettings(
  settings: MeasureSettings,
  series: readonly MeasurePoint[],
): RunChartSettings {
  const result: { freeze?: number; phaseStarts?: number[]; excluded?: string[] } = {};
  const freeze = settings.freeze;
  if (freeze) {
    const byChild = freeze.throughCaseRef
      ? series.findIndex((p) => p.caseRef === freeze.throughCaseRef)
      : -1;
    const count =
      byChild >= 0
        ? byChild + 1
        : series.filter((p) => comparePeriods(p.period, freeze.throughPeriod) <= 0).length;
    if (count > 0) result.freeze = count;
  }
  const starts = settings.phases
    .map((p) => indexOfStart(series, p.startPeriod, p.startCaseRef))
    .filter((i) => i > 0);
  if (starts.length > 0) result.phaseStarts = starts;
  if (settings.exclusions.length > 0) result.excluded = settings.exclusions.map((e) => e.point);
  return result;
}
