import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  compileCaseRefPattern,
  DEFAULT_CASE_REF_EXAMPLE,
  DEFAULT_CASE_REF_PATTERN,
  findCaseReferences,
  uniqueCaseRefs,
} from './case-reference.js';
import {
  activeMilestones,
  DEFAULT_MILESTONE_CATALOGUE,
  type MilestoneCatalogue,
  type MilestoneKey,
  MilestoneKeySchema,
} from './milestone-catalogue.js';
import { assignDates } from './milestone-parsing/assign-dates.js';
import { overlaps } from './milestone-parsing/date-mention.js';
import { findExplicitDates } from './milestone-parsing/find-explicit-dates.js';
import { findMilestones } from './milestone-parsing/find-milestones.js';
import { maskSpans } from './milestone-parsing/mask-spans.js';
import { maskRescheduling } from './milestone-parsing/rescheduling.js';
import { readDates } from './milestone-parsing/read-dates.js';
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

/** One child's milestone date, as understood from a message (before confirmation and storage). */
export const MilestoneRecordSchema = z.object({
  caseRef: z.string().min(1),
  milestone: MilestoneKeySchema,
  date: z.iso.date(),
  /** A future date booked in diaries rather than a milestone reached. */
  planned: z.boolean(),
});
export type MilestoneRecord = z.infer<typeof MilestoneRecordSchema>;

export type ParseMilestoneResult =
  | { ok: true; records: MilestoneRecord[] }
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
  const ctx = {
    exampleRef: refs[0] ?? options.caseRefExample ?? DEFAULT_CASE_REF_EXAMPLE,
    refShape: isDefaultPattern ? 'like C1042: one to three letters then 3 to 8 digits' : undefined,
    availableLabels: activeMilestones(catalogue).map((m) => m.label),
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
  const { dates, planning } = read;

  const assignment = assignDates(refs, milestones, dates);
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

  return {
    ok: true,
    records: assignment.assigned.map((a) => ({
      caseRef: a.caseRef,
      milestone: a.milestone,
      date: a.date.toISODate()!,
      planned: planning && a.date > today,
    })),
  };
}
