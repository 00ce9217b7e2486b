import { anhoejLimits } from '../runchart/anhoej-limits.js';
import { type Side, summariseRuns } from '../runchart/runs.js';
import type { ControlChartType } from './spc-input.js';

/** A phase's runs figures and Anhøj verdict on its centre line (docs/spc.md, "Runs signal"). */
export interface ControlRuns {
  nUseful: number;
  longestRun: number | null;
  longestRunSide: Side | null;
  longestRunMax: number | null;
  crossings: number | null;
  crossingsMin: number | null;
  runsSignal: boolean;
  longRunSignal: boolean;
  fewCrossingsSignal: boolean;
  /** The points of the runs longer than the limit. */
  longRun: Set<number>;
}

/**
 * The Anhøj rule on a control chart, over the useful points given (not excluded, plotted, off the
 * centre line, in time order). Kept apart from the limits so a chart window can judge the points
 * it shows against a centre line made from all the data.
 */
export function judgeRuns(
  chart: ControlChartType,
  useful: readonly { index: number; side: Side }[],
): ControlRuns {
  const runs = summariseRuns(useful);
  const anhoej = useful.length > 0 ? anhoejLimits(useful.length) : null;
  // qicharts2 computes run figures on moving ranges but never reports a signal for them.
  const judged = chart !== 'mr' && runs !== null && anhoej !== null;
  const longRunSignal = judged && runs.longestRun > anhoej.longestRunMax;
  const fewCrossingsSignal = judged && runs.crossings < anhoej.crossingsMin;
  return {
    nUseful: useful.length,
    longestRun: runs?.longestRun ?? null,
    longestRunSide: runs?.longestRunSide ?? null,
    longestRunMax: anhoej?.longestRunMax ?? null,
    crossings: runs?.crossings ?? null,
    crossingsMin: anhoej?.crossingsMin ?? null,
    runsSignal: longRunSignal || fewCrossingsSignal,
    longRunSignal,
    fewCrossingsSignal,
    longRun: new Set(
      longRunSignal && runs && anhoej
        ? runs.blocks.filter((b) => b.indices.length > anhoej.longestRunMax).flatMap((b) => b.indices)
        : [],
    ),
  };
}
