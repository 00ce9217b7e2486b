import type { Side } from './runs.js';
import type { TrendDirection } from './trends.js';

/** The verdict on one phase under both rule sets. Indices are 0-based and inclusive. */
export interface PhaseAnalysis {
  /** First and last point of the phase. */
  start: number;
  end: number;
  /**
   * Last point whose value fed the median (the freeze); equals `end` when nothing is frozen, and is
   * `start - 1` when the median was carried in from a baseline wholly before the series.
   */
  baselineEnd: number;
  /** Null when the baseline has no included, present values. */
  median: number | null;
  /** Included, present points not exactly on the median. */
  nUseful: number;
  /** Run figures: null when there are no useful points. */
  longestRun: number | null;
  longestRunSide: Side | null;
  crossings: number | null;
  runs: number | null;
  /** Anhøj limits for nUseful; null when there are no useful points. */
  longestRunMax: number | null;
  crossingsMin: number | null;
  anhoejSignal: boolean;
  /** IHI rule 1: a run of six or more. */
  shift: boolean;
  /** IHI rule 2: five or more points all rising or all falling. */
  trend: boolean;
  /** Null when the phase has no included, present points. */
  longestTrend: number | null;
  longestTrendDirection: TrendDirection | null;
  /** IHI rule 3 limits; null when nUseful is outside the supported range. */
  runsLower: number | null;
  runsUpper: number | null;
  tooFewRuns: boolean;
  tooManyRuns: boolean;
  /** At least 10 useful observations; without it every signal is false. */
  enoughData: boolean;
}

/** Each point as a chart needs it: where it sits and which signals it belongs to. */
export interface PointAnalysis {
  index: number;
  value: number | null;
  phase: number;
  excluded: boolean;
  /** Included and present, and inside the points the median came from. */
  inBaseline: boolean;
  /** Null when missing, excluded, or the phase has no median. */
  side: Side | 'on' | null;
  useful: boolean;
  /** Part of an IHI shift (a run of six or more). */
  inShift: boolean;
  /** Part of a run longer than Anhøj's longestRunMax. */
  inLongRun: boolean;
  /** Part of an IHI trend (five or more rising or falling). */
  inTrend: boolean;
}

export interface RunChartAnalysis {
  phases: PhaseAnalysis[];
  points: PointAnalysis[];
  /**
   * The freeze that was applied: null when none was given or phases overrode it; the number of
   * baseline points inside the series (0 or more) when the median was carried in from before it.
   */
  freeze: number | null;
}
