import type { RunChartInput } from '../runchart/run-chart-input.js';
import type { MeasurePoint } from './measure-point.js';

/** A lead's chart settings as stored with the measure. */
export interface RunChartSettings {
  /** The median comes from this many first points. */
  freeze?: number;
  /** 0-based indices of the first point of each new phase. */
  phaseStarts?: readonly number[];
  /** Points left out: by period, or by case reference in a per-child series. */
  excluded?: readonly string[];
}

/**
 * Turns a measure series and its settings into run-chart input. Settings are kept beside the
 * measure while the series grows or its window moves, so ones that no longer fit are dropped
 * rather than refused: a freeze longer than the series covers it all, phase starts outside it
 * and exclusions of points not shown are ignored.
 */
export function measureRunChartInput(
  series: readonly MeasurePoint[],
  settings: RunChartSettings = {},
): RunChartInput {
  const n = series.length;
  const input: RunChartInput = { values: series.map((p) => p.value) };
  if (settings.freeze !== undefined && settings.freeze >= 1 && n > 0) {
    input.freeze = Math.min(Math.floor(settings.freeze), n);
  }
  const parts = [...new Set(settings.phaseStarts ?? [])]
    .filter((start) => Number.isInteger(start) && start >= 1 && start < n)
    .sort((a, b) => a - b);
  if (parts.length > 0) input.parts = parts;
  const excluded = new Set(settings.excluded ?? []);
  const exclude = series.flatMap((point, i) =>
    excluded.has(point.period) || (point.caseRef !== undefined && excluded.has(point.caseRef))
      ? [i + 1]
      : [],
  );
  if (exclude.length > 0) input.exclude = exclude;
  return input;
}
