import { DateTime } from 'luxon';
import {
  compileCaseRefPattern,
  DEFAULT_CASE_REF_EXAMPLE,
  DEFAULT_CASE_REF_PATTERN,
  findCaseReferences,
  uniqueCaseRefs,
} from './case-reference.js';
import { namedInRefusal } from './milestone-parsing/refusal-labels.js';
import {
  DEFAULT_MILESTONE_CATALOGUE,
  type MilestoneCatalogue,
  type MilestoneKey,
} from './milestone-catalogue.js';
import { assignDates } from './milestone-parsing/assign-dates.js';
import { overlaps } from './milestone-parsing/date-mention.js';
import { findExplicitDates } from './milestone-parsing/find-explicit-dates.js';
import { findMilestones } from './milestone-parsing/find-milestones.js';
import { maskSpans } from './milestone-parsing/mask-spans.js';
import { mayHoldPersonName } from './identifiers/person-name.js';
import { maskRescheduling } from './milestone-parsing/rescheduling.js';
import { readDates } from './milestone-parsing/read-dates.js';
import type { MilestoneRecord } from './milestone-record.js';
import {
  type ParseErrorCode,
  type RefusalContext,
  refusalMessage,
} from './milestone-parsing/refusal-message.js';

export {
  PARSE_ERROR_CODES,
  type ParseErrorCode,
} from './milestone-parsing/refusal-message.js';

export interface ParseMilestoneOptions {
  /** Today's date (yyyy-mm-dd) in the programme's time zone: the reference for every date. */
  today?: string;
  /** The programme's time zone, which says what "today" is when `today` is not given. */
  timeZone?: string;
  catalogue?: MilestoneCatalogue;
  /** The area's case-reference pattern as a regex source; default one to three letters, 3–8 digits. */
  caseRefPattern?: string;
  /** A made-up reference in the area's format, for examples in refusals. */
  caseRefExample?: string;
  /** Dates further back than this are refused as implausible. */
  maxYearsBack?: number;
  /** Planned dates further ahead than this are refused as implausible. */
  maxYearsAhead?: number;
}

// Re-exported: callers that parse take the record's schema from here.
export { MilestoneRecordSchema, type MilestoneRecord } from './milestone-record.js';

export type ParseMilestoneResult =
  /**
   * `nameLeftOut`: words that look like a person's name were ignored (see mayHoldPersonName), so
   * the reply can remind the member never to type names; the words themselves are not kept.
   */
  /**
   * `undated`: milestones named but given no date of their own, read as where or when the others
   * happened ("recommended at the LAC review on 12/11"), so the reply can say they were not recorded.
   */
  | { ok: true; records: MilestoneRecord[]; nameLeftOut?: true; undated?: MilestoneKey[] }
  | { ok: false; error: ParseErrorCode; message: string };

/**
 * Reads a milestone statement such as "LAC review 14/10 for C1042 and C1077" into one record per
 * child. Pure when `today` is given; nothing is stored. When several things are wrong, the refusal is
 * for the first in this order: no_case_reference, no_milestone, no_date, invalid_date, ambiguous,
 * future_date, implausible_date — the order in which a member would fix them.
 */
export function parseMilestoneStatement(
  text: string,
  options: ParseMilestoneOptions,
): ParseMilestoneResult {
  const zone = options.timeZone ?? 'Europe/London';
  const catalogue = options.catalogue ?? DEFAULT_MILESTONE_CATALOGUE;
  const todayIso = options.today ?? DateTime.now().setZone(zone).toISODate()!;
  // From here on dates are calendar days, so UTC arithmetic is exact (and far cheaper in luxon).
  const today = DateTime.fromISO(todayIso, { zone: 'utc' }).startOf('day');
  if (!today.isValid) throw new RangeError(`today must be yyyy-mm-dd, got ${todayIso}`);
  const patternSource = options.caseRefPattern ?? DEFAULT_CASE_REF_PATTERN;
  const isDefaultPattern = patternSource === DEFAULT_CASE_REF_PATTERN;
  const maxYearsBack = options.maxYearsBack ?? 18;
  const maxYearsAhead = options.maxYearsAhead ?? 2;
  const clean = text.normalize('NFKC');

  // A date such as 2026-11-09 must not count as a reference under a digits-only area pattern.
  const roughDates = findExplicitDates(clean, today.year);
  const refMatches = findCaseReferences(clean, compileCaseRefPattern(patternSource)).filter(
    (r) => !roughDates.some((d) => overlaps(d, r)),
  );
  const refs = uniqueCaseRefs(refMatches);
  // The area's own example when it has one; C1042 only fits the default pattern.
  const areaExample = options.caseRefExample ?? DEFAULT_CASE_REF_EXAMPLE;
  const ctx = {
    exampleRef: refs[0] ?? areaExample,
    refShape: isDefaultPattern ? `like ${areaExample}: one to three letters then 3 to 8 digits` : undefined,
    availableLabels: namedInRefusal(catalogue),
    today,
    maxYearsBack,
    maxYearsAhead,
  };
  const refuse = (
    error: ParseErrorCode,
    more: Partial<RefusalContext> = {},
  ): ParseMilestoneResult => ({
    ok: false,
    error,
    message: refusalMessage(error, { ...ctx, ...more }),
  });
  if (refs.length === 0) return refuse('no_case_reference');

  const refMasked = maskRescheduling(maskSpans(clean, refMatches, ' '));
  const milestones = findMilestones(refMasked, catalogue);
  const counted = milestones.filter((m) => m.strength !== 'other');
  if (counted.length === 0) return refuse('no_milestone');
  const label = (key: MilestoneKey) => catalogue.find((m) => m.key === key)?.label ?? key;
  const milestoneLabel = label(counted[0]!.key);

  const read = readDates(refMasked, milestones, today);
  if (read.kind === 'none') return refuse('no_date', { milestoneLabel, dateText: read.vagueText });
  if (read.kind === 'invalid')
    return refuse('invalid_date', { milestoneLabel, dateText: read.text });
  const { dates, said, planning } = read;

  const assignment = assignDates(refs, milestones, dates, said);
  if (!assignment.ok) {
    const counts = { milestones: assignment.milestones, dates: assignment.dates };
    return refuse('ambiguous', { milestoneLabel, counts });
  }

  const future = assignment.assigned.find((a) => a.date > today && !planning);
  if (future)
    return refuse('future_date', { milestoneLabel: label(future.milestone), date: future.date });
  const earliest = today.minus({ years: maxYearsBack });
  const latest = today.plus({ years: maxYearsAhead });
  const implausible = assignment.assigned.find((a) => a.date < earliest || a.date > latest);
  if (implausible) {
    return refuse('implausible_date', {
      milestoneLabel: label(implausible.milestone),
      date: implausible.date,
    });
  }

  const nameLeftOut = mayHoldPersonName(maskSpans(refMasked, milestones, ' '));
  // Never silently: a milestone named as news but left without a date is reported back.
  const assigned = new Set(assignment.assigned.map((a) => a.milestone));
  const undated = [
    ...new Set(counted.filter((m) => m.strength !== 'reference' && !assigned.has(m.key)).map((m) => m.key)),
  ];
  return {
    ok: true,
    ...(nameLeftOut ? { nameLeftOut: true as const } : {}),
    ...(undated.length > 0 ? { undated } : {}),
    records: assignment.assigned.map((a) => ({
      caseRef: a.caseRef,
      milestone: a.milestone,
      date: a.date.toISODate()!,
      planned: planning && a.date > today,
    })),
  };
}
