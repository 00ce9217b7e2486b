import type { MeasurePoint } from '../../domain/measures/index.js';
import type { MeasureDefinition } from './measure-catalogue.js';
import { describePeriod } from './month-words.js';
import { valueWithUnit } from './value-with-unit.js';

export interface LatestOptions {
  /** The series is one point per child (an interval measure's per-child view). */
  perChild: boolean;
  /** A child may be named by case reference here (a direct message), not only by date. */
  nameChild: boolean;
}

/**
 * A measure's latest point in words, saying what kind of point it is: "latest child 19.7 weeks
 * (C1138, 12 November 2026)", "latest monthly median 19 weeks (October 2026)", "latest 0% (0 of
 * 1, October 2026)". `measures` reads an interval measure per child and the digest by month, so
 * under one name they gave different "latest" values with nothing to say why; and a share of 0%
 * beside a chart calling the measure improving needs its "0 of 1" to be read fairly.
 */
export function describeLatest(point: MeasurePoint, measure: Pick<MeasureDefinition, 'kind' | 'unit'>, options: LatestOptions): string {
  const value = valueWithUnit(point.value!, measure.unit);
  const when = describePeriod(point.period);
  if (options.perChild) {
    const who = point.caseRef && options.nameChild ? `${point.caseRef}, ` : '';
    return `latest child ${value} (${who}${when})`;
  }
  if (measure.kind === 'interval') return `latest monthly median ${value} (${when})`;
  const counts = point.numerator !== undefined && point.denominator !== undefined ? `${point.numerator} of ${point.denominator}, ` : '';
  return `latest ${value} (${counts}${when})`;
}
