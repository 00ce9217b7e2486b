import type { DateTime } from 'luxon';
import { overlaps } from './date-mention.js';
import { findExplicitDates } from './find-explicit-dates.js';
import type { MilestoneMention } from './find-milestones.js';
import { findRelativeDates } from './find-relative-dates.js';
import { maskSpans } from './mask-spans.js';
import { hasPlanningWord } from './planning-words.js';
import { resolveDate } from './resolve-date.js';

export type DatesRead =
  /**
   * `dates` are the distinct days; `said` is every day in the order said, repeats kept, so that
   * "accommodated 2 Nov and LAC review 2 Nov" can still pair each milestone with its own date.
   */
  | { kind: 'dates'; dates: DateTime[]; said: DateTime[]; planning: boolean }
  /** No day was said; `vagueText` is what was said instead, if anything ("last month"). */
  | { kind: 'none'; vagueText?: string }
  | { kind: 'invalid'; text: string };

/**
 * Reads the dates of a message whose case references are already masked. Milestone phrases are
 * masked too, so "72 hour meeting" is not a time. Dates we can read ourselves (digits, month
 * names) win over chrono's reading of the same words; chrono reads the rest ("last Tuesday").
 */
export function readDates(
  text: string,
  milestones: MilestoneMention[],
  today: DateTime,
): DatesRead {
  const chronoText = maskSpans(text, milestones, ' ');
  const planning = hasPlanningWord(chronoText);
  const explicit = findExplicitDates(maskSpans(text, milestones, '#'), today.year);
  const relative = findRelativeDates(chronoText, today).filter(
    (r) => !explicit.some((e) => overlaps(e, r)),
  );
  const mentions = [...explicit, ...relative].sort((a, b) => a.start - b.start);
  const concrete = mentions.filter((m) => m.kind !== 'vague');
  if (concrete.length === 0) return { kind: 'none', vagueText: mentions[0]?.text };

  // One date said twice ("yesterday, 18/11") is one date.
  const byDay = new Map<string, DateTime>();
  const said: DateTime[] = [];
  for (const mention of concrete) {
    const resolution = resolveDate(mention, today, planning);
    if (!resolution.ok) return { kind: 'invalid', text: mention.text };
    byDay.set(resolution.date.toISODate()!, resolution.date);
    said.push(resolution.date);
  }
  return { kind: 'dates', dates: [...byDay.values()], said, planning };
}
