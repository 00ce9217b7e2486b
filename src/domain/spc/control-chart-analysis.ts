import type { Side } from '../runchart/runs.js';
import type { ControlRuns } from './judge-runs.js';
import type { ControlChartType } from './spc-input.js';

/** How a phase's limits came out, so a chart can say in words what it cannot draw honestly. */
export type LimitsState =
  /** Limits exist and are apart. */
  | 'drawn'
  /** No limits: no centre line, or no moving range to estimate a spread from (I chart). */
  | 'none'
  /** The spread came out 0: both limits sit on the centre line (an I chart oddity of qicharts2). */
  | 'collapsed';

/** One point as a chart and its words need it. Indices are 0-based over the whole series. */
export interface ControlPoint {
  index: number;
  phase: number;
  /** The plotted value: the value (i, c, g), the ratio (p, u), the moving range (mr); null when missing. */
  y: number | null;
  lcl: number | null;
  ucl: number | null;
  /** Strictly beyond a limit: which side; null when inside, on a limit, or not plotted. */
  outside: 'above' | 'below' | null;
  excluded: boolean;
  /** Present, included and among the points the centre line and spread came from. */
  inBaseline: boolean;
  /** Against the centre line; null when missing, excluded, or there is no centre line. */
  side: Side | 'on' | null;
  /** Part of a run longer than Anhøj's maximum (a runs signal you can point at). */
  inLongRun: boolean;
}

/**
 * One phase: its centre line, runs figures and signals (docs/spc.md). Its runs figures are
 * judgeRuns' (nUseful: points not excluded, plotted, off the centre line; runsSignal: Anhøj from one
 * useful point up, as qicharts2 does, never on MR charts), without the points of its long runs,
 * which each point carries as `inLongRun`.
 */
export interface ControlPhase extends Omit<ControlRuns, 'longRun'> {
  start: number;
  end: number;
  /** Last point that fed the centre line and spread (the freeze); `end` when nothing is frozen. */
  baselineEnd: number;
  centre: number | null;
  /** What the centre line is: the median on a G chart, the pooled ratio on P and U, else the mean. */
  centreKind: 'mean' | 'median' | 'pooled';
  limits: LimitsState;
  /** A point of the phase is strictly beyond one of its limits. */
  sigmaSignal: boolean;
}

export interface ControlChartAnalysis {
  chart: ControlChartType;
  phases: ControlPhase[];
  points: ControlPoint[];
  /** The freeze that was applied; null when none was given or phases overrode it. */
  freeze: number | null;
}
