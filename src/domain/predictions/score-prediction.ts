import { median } from '../runchart/median.js';

export type Verdict = 'met' | 'partly_met' | 'not_met' | 'too_early';
export type Direction = 'down' | 'up';

/** Fewer points than this after the test started, up to the "by" date, and the verdict is "too early". */
export const ENOUGH_POINTS = 3;

export interface ScoreInput {
  prediction: { direction: Direction; amount: number; by: string };
  /** The test's start (YYYY-MM-DD): points from its month or day on belong to the test. */
  startedOn: string;
  /** The measure's points in time order: a month (YYYY-MM) or a day (YYYY-MM-DD) each. */
  points: readonly { period: string; value: number | null }[];
}

export interface PredictionScore {
  verdict: Verdict;
  /** Median of the present values from the start to the "by" date; null with none. */
  level: number | null;
  /** Median of the present values before the start; null with none. */
  before: number | null;
  /** Indices (0-based) of the points in the window, with a value. */
  window: number[];
}

/** Compares at the coarser of the two: a month point reads a date as its month. */
function compare(point: string, date: string): number {
  const length = Math.min(point.length, date.length);
  return point.slice(0, length).localeCompare(date.slice(0, length));
}

/**
 * The verdict on a checkable prediction, from the measure's points so far. The prediction is about
 * the measure's level over the window (from the test's start to the "by" date): its median.
 * - too early: fewer than ENOUGH_POINTS values in the window (whatever they say);
 * - met: the level reached the amount (at or below it for 'down', at or above for 'up');
 * - partly met: it did not reach the amount, but the level moved in the predicted direction from
 *   the median of the points before the start (strictly; with no points before, it cannot be judged
 *   to have moved, so it is not met);
 * - not met: neither — the level stayed where it was or moved the other way.
 */
export function scorePrediction(input: ScoreInput): PredictionScore {
  const { prediction, startedOn, points } = input;
  const window: number[] = [];
  const beforeValues: number[] = [];
  points.forEach((p, i) => {
    if (p.value === null) return;
    if (compare(p.period, startedOn) < 0) beforeValues.push(p.value);
    else if (compare(p.period, prediction.by) <= 0) window.push(i);
  });
  const level = window.length > 0 ? median(window.map((i) => points[i]!.value!)) : null;
  const before = beforeValues.length > 0 ? median(beforeValues) : null;
  return { verdict: verdictOf(prediction, level, before, window.length), level, before, window };
}

function verdictOf(
  prediction: ScoreInput['prediction'],
  level: number | null,
  before: number | null,
  count: number,
): Verdict {
  if (count < ENOUGH_POINTS || level === null) return 'too_early';
  const down = prediction.direction === 'down';
  if (down ? level <= prediction.amount : level >= prediction.amount) return 'met';
  if (before !== null && (down ? level < before : level > before)) return 'partly_met';
  return 'not_met';
}
