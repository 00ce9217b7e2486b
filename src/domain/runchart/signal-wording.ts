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

const TIME_UNITS = /^(?:days?|weeks?|months?|years?)$/i;

/** Which way the points moved, in the measure's own terms: times get shorter, a percentage falls. */
function movedWords(moved: Direction, unit: string): string {
  if (TIME_UNITS.test(unit.trim())) {
    return moved === 'down' ? 'The times have got shorter' : 'The times have got longer';
  }
  if (unit.trim() === '%') {
    return moved === 'down' ? 'The percentage has fallen' : 'The percentage has risen';
  }
  return moved === 'down' ? 'The values have gone down' : 'The values have gone up';
}

/** Which way is better, in the same terms: "shorter is better", "a higher percentage is better". */
function betterWords(better: Direction, unit: string): string {
  if (TIME_UNITS.test(unit.trim())) return better === 'down' ? 'shorter is better' : 'longer is better';
  if (unit.trim() === '%') {
    return better === 'down' ? 'a lower percentage is better' : 'a higher percentage is better';
  }
  return better === 'down' ? 'lower is better' : 'higher is better';
}

/**
 * The second sentence: whether the change is good news, when the team has said which way is
 * better. It says which way the points moved and which way is better for this measure, because
 * a group reads "improvement" for its waits and "worse" for its % within target side by side,
 * and needs to see why (shorter waits are good; a falling % within target is not).
 */
export function directionSentence(
  moved: Direction | null,
  better: Direction | undefined,
  measureName: string,
  unit = '',
): string {
  if (!moved || !better) return '';
  const verdict = moved === better ? 'an improvement' : 'a change for the worse';
  return ` ${movedWords(moved, unit)}, and ${betterWords(better, unit)} for ${measureName}, so this looks like ${verdict}.`;
}
