import type { PhaseAnalysis } from './run-chart-analysis.js';

export type Direction = 'up' | 'down';

/** A value with its unit as people write it: "14.5 weeks", "45%". */
export function withUnit(value: number, unit: string): string {
  const shown = String(Math.round(value * 10) / 10);
  if (unit === '') return shown;
  return unit === '%' ? `${shown}%` : `${shown} ${unit}`;
}

export function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/** The clause for the longest run, e.g. "8 points in a row below the median". */
export function runClause(phase: PhaseAnalysis, medianName: string): string {
  return `${phase.longestRun} points in a row ${phase.longestRunSide} the ${medianName}`;
}

/**
 * Which way the signal points, if we can say: a run above the median or a rising trend is "up".
 * A shift speaks louder than a trend, so it is used when both are present.
 */
export function signalDirection(
  phase: PhaseAnalysis,
  useRun: boolean,
  useTrend: boolean,
): Direction | null {
  if (useRun && phase.longestRunSide) return phase.longestRunSide === 'above' ? 'up' : 'down';
  if (useTrend && phase.longestTrendDirection) return phase.longestTrendDirection;
  return null;
}

/** The second sentence: whether the change is good news, when the team has said which way is better. */
export function directionSentence(
  moved: Direction | null,
  better: Direction | undefined,
  measureName: string,
): string {
  if (!moved || !better) return '';
  const which = better === 'down' ? 'Lower' : 'Higher';
  const verdict = moved === better ? 'an improvement' : 'a change for the worse';
  return ` ${which} is better for ${measureName}, so this looks like ${verdict}.`;
}
