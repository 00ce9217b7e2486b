import { SMALL_NUMBER_LIMIT } from '../../digest/small-numbers.js';
import type { MeasureAnalysis } from './analyse-measure.js';

/**
 * Whether a chart with a point per child is too small to show to a group (a channel): with fewer
 * than 5 children each point is a child someone may recognise, and its date and weeks give their
 * dates (a DPO review: a team of one, charted in a channel, gave that child's accommodation date).
 * Counts under 5 are already withheld from groups (coverage-sentence.ts); the points must be too.
 */
export function tooFewToDrawForGroup(result: Pick<MeasureAnalysis, 'audience' | 'view' | 'points'>): boolean {
  return result.audience === 'group' && result.view === 'per-child' && result.points.length > 0 && result.points.length < SMALL_NUMBER_LIMIT;
}

export { SMALL_NUMBER_LIMIT };
