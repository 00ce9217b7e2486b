import { MIN_USEFUL } from './analyse-phase.js';
import type { PhaseAnalysis, RunChartAnalysis } from './run-chart-analysis.js';
import {
  type Direction,
  directionSentence,
  runClause,
  signalDirection,
  times,
  withUnit,
} from './signal-wording.js';

export interface DescribeSignalsOptions {
  ruleSet: 'ihi' | 'anhoej';
  measureName: string;
  unit: string;
  betterDirection?: Direction;
}

/**
 * One or two plain sentences on the latest phase, naming the rule set applied, e.g.
 * "IHI rules: 8 points in a row below the median — a shift."
 */
export function describeSignals(
  analysis: RunChartAnalysis,
  options: DescribeSignalsOptions,
): string {
  const phase = analysis.phases[analysis.phases.length - 1]!;
  const rules = options.ruleSet === 'ihi' ? 'IHI rules' : 'Anhøj rules';
  const prefix = analysis.phases.length > 1 ? `${rules}, latest phase` : rules;
  const medianName = analysis.freeze === null ? 'median' : 'baseline median';
  if (phase.median === null) return `${prefix}: no data yet for ${options.measureName}.`;
  if (!phase.enoughData) return `${prefix}: ${tooEarly(analysis, phase, medianName)}`;
  const [clauses, moved] =
    options.ruleSet === 'ihi' ? ihiClauses(phase, medianName) : anhoejClauses(phase, medianName);
  if (clauses.length === 0) {
    const centre = withUnit(phase.median, options.unit);
    return `${prefix}: no signal — the ups and downs around the ${medianName} (${centre}) look like ordinary variation.`;
  }
  return `${prefix}: ${clauses.join('; ')}.${directionSentence(moved, options.betterDirection, options.measureName, options.unit)}`;
}

/**
 * Why the rules cannot speak yet, in words a team can check on the chart: points sitting on the
 * median line do not count, so a chart of 24 points can still be "too early".
 */
function tooEarly(analysis: RunChartAnalysis, phase: PhaseAnalysis, medianName: string): string {
  const shown = analysis.points.filter(
    (p) => p.index >= phase.start && p.index <= phase.end && p.value !== null && !p.excluded,
  ).length;
  const off = phase.nUseful;
  // Said as what can be seen on the chart: above or below the line, not "useful observations".
  if (shown === 1 && off === 0) {
    return `too early to judge — the one point sits exactly on the ${medianName} line; the rules need ${MIN_USEFUL} points above or below it.`;
  }
  // A share that has stayed at 0% (or 100%) all along: every point is the median.
  if (off === 0) {
    return `too early to judge — all ${shown} points sit exactly on the ${medianName} line; the rules need ${MIN_USEFUL} points above or below it.`;
  }
  const counted =
    off === shown
      ? `only ${off === 1 ? '1 point' : `${off} points`} so far`
      : `${off} of the ${shown} points ${off === 1 ? 'is' : 'are'} above or below the ${medianName} line (those exactly on it are not counted)`;
  return `too early to judge — ${counted}; the rules need ${MIN_USEFUL}.`;
}

function ihiClauses(phase: PhaseAnalysis, medianName: string): [string[], Direction | null] {
  const clauses: string[] = [];
  if (phase.shift) clauses.push(`${runClause(phase, medianName)} — a shift`);
  if (phase.trend) {
    const way = phase.longestTrendDirection === 'up' ? 'up' : 'down';
    clauses.push(`${phase.longestTrend} points in a row going ${way} — a trend`);
  }
  if (phase.tooFewRuns) {
    clauses.push(
      `the line crosses the ${medianName} less often than chance would explain (${phase.runs} runs, at least ${phase.runsLower} expected) — too few runs`,
    );
  }
  if (phase.tooManyRuns) {
    clauses.push(
      `the points zigzag across the ${medianName} more than chance would explain (${phase.runs} runs, at most ${phase.runsUpper} expected) — too many runs`,
    );
  }
  return [clauses, signalDirection(phase, phase.shift, phase.trend)];
}

function anhoejClauses(phase: PhaseAnalysis, medianName: string): [string[], Direction | null] {
  if (!phase.anhoejSignal) return [[], null];
  const longRun = phase.longestRun! > phase.longestRunMax!;
  const clauses: string[] = [];
  if (longRun) {
    clauses.push(
      `${runClause(phase, medianName)} (more than ${phase.longestRunMax} is unusual) — a shift`,
    );
  }
  if (phase.crossings! < phase.crossingsMin!) {
    const crossed =
      phase.crossings === 0
        ? `the line never crosses the ${medianName}`
        : `the line crosses the ${medianName} only ${times(phase.crossings!)}`;
    clauses.push(`${crossed} (fewer than ${phase.crossingsMin} is unusual)`);
  }
  return [clauses, signalDirection(phase, longRun, false)];
}
