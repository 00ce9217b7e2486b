import type { MeasurePoint } from '../../../domain/measures/index.js';
import { compileCaseRefPattern, DEFAULT_CASE_REF_EXAMPLE, isCaseReference, normaliseCaseRef } from '../../../domain/case-reference.js';
import { ValidationError } from '../../../errors.js';
import { comparePeriods } from '../../../programme/measures/chart-settings.js';
import { describePeriod, MONTH_NAME, monthNumber, parseMonthYear } from '../../../programme/measures/month-words.js';
import { plain } from '../../replies.js';

/** A point a lead names: its period, and the child when the chart has one point per child. */
export interface NamedPoint {
  period: string;
  caseRef?: string;
  /** How to say it back: "C1042", "March 2025", "point 13 (C1042)"; in a channel, by date. */
  label: string;
}

/** A child's point said back in a channel, where no case reference may go: by the day they reached it. */
const childByDate = (period: string) => `the child who reached it on ${describePeriod(period)}`;

const dayPattern = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAME})\\s+(\\d{4})$`, 'i');

/**
 * Reads "point 13", a case reference, a month ("Mar 2025", "2025-03") or a day ("3 Mar 2025",
 * "2025-03-03") against the measure's points. A case reference or point number must be on the chart.
 */
export interface PointWords {
  /** False in a channel: a child's point is said back by its date, never its reference. */
  references?: boolean;
  /** The area's case references (programme.caseRefPattern), so "NS-2013" names a child. */
  caseRefPattern?: RegExp;
  /** The area's example reference for the refusal's hint. */
  example?: string;
}

export function resolvePoint(said: string, points: readonly MeasurePoint[], words: PointWords = {}): NamedPoint {
  const references = words.references ?? true;
  const text = said.trim().replace(/^(?:from|at)\s+/i, '');
  const numbered = /^(?:point\s*|#)(\d{1,4})$/i.exec(text);
  if (numbered) {
    const point = points[Number(numbered[1]) - 1];
    if (!point)
      throw new ValidationError(
        'no_such_point',
        `The chart has ${points.length} points, so there is no point ${numbered[1]}.`,
      );
    return {
      period: point.period,
      ...(point.caseRef ? { caseRef: point.caseRef } : {}),
      label: `point ${numbered[1]} (${(references ? point.caseRef : undefined) ?? describePeriod(point.period)})`,
    };
  }
  if (isCaseReference(text, words.caseRefPattern ?? compileCaseRefPattern())) {
    const caseRef = normaliseCaseRef(text);
    const point = points.find((p) => p.caseRef === caseRef);
    if (!point)
      throw new ValidationError(
        'no_such_point',
        `${references ? caseRef : 'That child'} is not on this chart: only children who reached the measure's end milestone are.`,
      );
    return { period: point.period, caseRef, label: references ? caseRef : childByDate(point.period) };
  }
  const month = parseMonthYear(text);
  if (month) return { period: month, label: describePeriod(month) };
  const day = dayPattern.exec(text);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? text
    : day
      ? `${day[3]}-${String(monthNumber(day[2]!)).padStart(2, '0')}-${day[1]!.padStart(2, '0')}`
      : null;
  if (iso) return { period: iso, label: describePeriod(iso) };
  throw new ValidationError(
    'bad_point',
    `I couldn't tell which point "${plain(said.trim())}" is. Name a child (${words.example ?? DEFAULT_CASE_REF_EXAMPLE}), a month (Mar 2025) or a point number (point 13).`,
  );
}

/** Whether a named period is on the chart at all (a month with no point cannot be excluded). */
export function hasPoint(points: readonly MeasurePoint[], period: string): boolean {
  return points.some((p) => comparePeriods(p.period, period) === 0);
}
