import type { MeasurePoint } from '../../domain/measures/index.js';
import type { MeasureDefinition } from './measure-catalogue.js';
import { describePeriod } from './month-words.js';
import { valueWithUnit } from './value-with-unit.js';
import { safeForChannel } from '../../digest/small-numbers.js';
import type { Audience } from './audience.js';

export interface LatestOptions {
  /** The series is one point per child (an interval measure's per-child view). */
  perChild: boolean;
  /** A person may see the child's case reference and exact counts; a group sees neither. */
  audience: Audience;
}

/**
 * A measure's latest point in words, saying what kind of point it is: "latest child 19.7 weeks
 * (C1138, 12 November 2026)", "latest monthly median 19 weeks (October 2026)", "latest 0% (0 of
 * 3, October 2026)" (counts a group sees only when none is under 5). `measures` reads an interval measure per child and the digest by month, so
 * under one name they gave different "latest" values with nothing to say why; and a share of 0%
 * beside a chart calling the measure improving needs its "0 of 1" to be read fairly.
 */
export function describeLatest(point: MeasurePoint, measure: Pick<MeasureDefinition, 'kind' | 'unit'>, options: LatestOptions): string {
  const value = valueWithUnit(point.value!, measure.unit);
  const when = describePeriod(point.period);
  if (options.perChild) {
    // One child's weeks and day would give their dates: only a person sees them (a group is shown
    // the monthly view instead; this is the guard if a caller forgets).
    if (options.audience === 'group') return 'latest child: in a direct message';
    const who = point.caseRef ? `${point.caseRef}, ` : '';
    return `latest child ${value} (${who}${when})`;
  }
  if (measure.kind === 'interval') return `latest monthly median ${value} (${when})`;
  const { numerator: part, denominator: whole } = point;
  // For a group, counts only when neither side of the share is under 5: "2 of 3" could be a child.
  const shown = part !== undefined && whole !== undefined && (options.audience === 'person' || safeForChannel([part, whole - part]));
  const counts = shown ? `${part} of ${whole}, ` : '';
  return `latest ${value} (${counts}${when})`;
}
