import { anhoejLimits } from './anhoej-limits.js';
import { ihiRunsLimits } from './ihi-runs-limits.js';
import { median } from './median.js';
import type { PhaseRange } from './phase-ranges.js';
import type { PhaseAnalysis } from './run-chart-analysis.js';
import { type Side, summariseRuns } from './runs.js';
import { summariseTrends } from './trends.js';

/** Fewer useful observations than this and no rule is applied. */
export const MIN_USEFUL = 10;
const IHI_SHIFT = 6;
const IHI_TREND = 5;

export interface PhaseResult {
  phase: PhaseAnalysis;
  /** Median side per index in the phase (null when missing, excluded or no median). */
  sides: Map<number, Side | 'on'>;
  shiftIndices: Set<number>;
  longRunIndices: Set<number>;
  trendIndices: Set<number>;
}

/**
 * Applies both rule sets to one phase, leaving out the points a lead excluded. `givenMedian` is a
 * baseline median carried in from before the series; without it the median comes from the values.
 */
export function analysePhase(
  values: readonly (number | null)[],
  range: PhaseRange,
  isExcluded: (index: number) => boolean,
  givenMedian?: number,
): PhaseResult {
  const present: { index: number; value: number }[] = [];
  for (let i = range.start; i <= range.end; i++) {
    const value = values[i];
    if (value !== null && value !== undefined && !isExcluded(i)) present.push({ index: i, value });
  }
  const centre =
    givenMedian ?? median(present.filter((p) => p.index <= range.baselineEnd).map((p) => p.value));
  const sides = new Map<number, Side | 'on'>();
  const useful: { index: number; side: Side }[] = [];
  if (centre !== null) {
    for (const { index, value } of present) {
      const side = value > centre ? 'above' : value < centre ? 'below' : 'on';
      sides.set(index, side);
      if (side !== 'on') useful.push({ index, side });
    }
  }
  const n = useful.length;
  const enoughData = n >= MIN_USEFUL;
  const runs = summariseRuns(useful);
  const trends = summariseTrends(present);
  const anhoej = n > 0 ? anhoejLimits(n) : null;
  const ihi = ihiRunsLimits(n);

  const longRunMin = enoughData && anhoej ? anhoej.longestRunMax + 1 : Number.POSITIVE_INFINITY;
  const shiftMin = enoughData ? IHI_SHIFT : Number.POSITIVE_INFINITY;
  const trendMin = enoughData ? IHI_TREND : Number.POSITIVE_INFINITY;
  const blocks = runs?.blocks ?? [];
  const collect = (lists: number[][]) => new Set(lists.flat());

  const phase: PhaseAnalysis = {
    ...range,
    median: centre,
    nUseful: n,
    longestRun: runs?.longestRun ?? null,
    longestRunSide: runs?.longestRunSide ?? null,
    crossings: runs?.crossings ?? null,
    runs: runs?.runs ?? null,
    longestRunMax: anhoej?.longestRunMax ?? null,
    crossingsMin: anhoej?.crossingsMin ?? null,
    anhoejSignal:
      enoughData &&
      runs !== null &&
      anhoej !== null &&
      (runs.longestRun > anhoej.longestRunMax || runs.crossings < anhoej.crossingsMin),
    shift: (runs?.longestRun ?? 0) >= shiftMin,
    trend: (trends?.longestTrend ?? 0) >= trendMin,
    longestTrend: trends?.longestTrend ?? null,
    longestTrendDirection: trends?.longestTrendDirection ?? null,
    runsLower: ihi?.lower ?? null,
    runsUpper: ihi?.upper ?? null,
    tooFewRuns: enoughData && runs !== null && ihi !== null && runs.runs < ihi.lower,
    tooManyRuns: enoughData && runs !== null && ihi !== null && runs.runs > ihi.upper,
    enoughData,
  };
  return {
    phase,
    sides,
    shiftIndices: collect(blocks.filter((b) => b.indices.length >= shiftMin).map((b) => b.indices)),
    longRunIndices: collect(
      blocks.filter((b) => b.indices.length >= longRunMin).map((b) => b.indices),
    ),
    trendIndices: collect(
      (trends?.stretches ?? []).filter((s) => s.length >= trendMin).map((s) => s.indices),
    ),
  };
}
