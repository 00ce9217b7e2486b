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
  if (!phase.enoughData) {
    return `${prefix}: fewer than ${MIN_USEFUL} useful points so far (${phase.nUseful}) — too early to apply the run-chart rules.`;
  }
  const [clauses, moved] =
    options.ruleSet === 'ihi' ? ihiClauses(phase, medianName) : anhoejClauses(phase, medianName);
  if (clauses.length === 0) {
    const centre = withUnit(phase.median, options.unit);
    return `${prefix}: no signal — the ups and downs around the ${medianName} (${centre}) look like ordinary variation.`;
  }
  return `${prefix}: ${clauses.join('; ')}.${directionSentence(moved, options.betterDirection, options.measureName)}`;
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
